class IdConverter:
    """A database id in a URL: at most 18 digits, so a forged huge number is a 404 from the
    router instead of an out-of-range error from the database."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
