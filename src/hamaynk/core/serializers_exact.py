"""JSON Lines that keep every microsecond: Django's encoder cuts datetimes and times to
milliseconds (ECMA-262's format), so a backup written with it would come back different.
Read back with Django's own `jsonl` deserializer (the format is the same)."""

import datetime
from typing import Any

from django.core.serializers import jsonl
from django.core.serializers.json import DjangoJSONEncoder


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime | datetime.time) and o.microsecond:
            if isinstance(o, datetime.time) and o.utcoffset() is not None:
                raise ValueError("JSON can't represent timezone-aware times.")
            return o.isoformat()
        return super().default(o)


class Serializer(jsonl.Serializer):
    def start_serialization(self) -> None:
        super().start_serialization()
        self.json_kwargs["cls"] = ExactJSONEncoder


Deserializer = jsonl.Deserializer
