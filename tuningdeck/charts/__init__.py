"""Chart data: shaping dated series into charts and computing their headlines (pure Python)."""
