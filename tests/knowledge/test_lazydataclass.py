"""knowledge.lazydataclass: a class made real on first use is the class @dataclass(frozen=True) makes."""

from __future__ import annotations

import dataclasses
import pickle
import threading
from collections.abc import Callable
from dataclasses import FrozenInstanceError, dataclass, field

import pytest

from knowledge import lazydataclass, models
from knowledge.lazydataclass import frozen_dataclass, realise_all


def _pair() -> tuple[type, type]:
    """The same class body under both decorators."""

    def body() -> dict:
        return {
            "__annotations__": {"a": "int", "b": "str", "c": "tuple", "d": "dict"},
            "b": "x",
            "c": (),
            "d": field(default_factory=dict, repr=False, compare=False),
            "__doc__": "A class.",
            "total": lambda self: self.a + len(self.b),
        }

    eager = dataclass(frozen=True)(type("Eager", (), body()))
    lazy = frozen_dataclass(type("Lazy", (), body()))
    return eager, lazy


def test_pending_until_used_then_the_same_as_dataclass() -> None:
    eager, lazy = _pair()
    assert lazy in lazydataclass._PENDING
    made = lazy(1, c=(2,))
    assert lazy not in lazydataclass._PENDING
    assert made.total() == eager(1, c=(2,)).total() == 2
    assert repr(made) == repr(eager(1, c=(2,))).replace("Eager", "Lazy") == "Lazy(a=1, b='x', c=(2,))"
    assert made == lazy(1, c=(2,), d={"ignored": 1}) and made != lazy(2)
    assert hash(made) == hash(eager(1, c=(2,))) == hash((1, "x", (2,)))
    with pytest.raises(FrozenInstanceError):
        made.a = 3  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del made.a  # type: ignore[misc]
    assert [f.name for f in dataclasses.fields(lazy)] == [f.name for f in dataclasses.fields(eager)]
    assert lazy.__dataclass_params__.frozen and lazy.__match_args__ == eager.__match_args__
    for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
        assert getattr(lazy, name).__qualname__ == getattr(eager, name).__qualname__.replace("Eager", "Lazy")


@pytest.mark.parametrize(
    "first_use",
    [
        lambda cls, obj: hash(obj),
        lambda cls, obj: repr(obj),
        lambda cls, obj: obj == obj,
        lambda cls, obj: dataclasses.replace(obj, a=5),
        lambda cls, obj: dataclasses.is_dataclass(obj),
        lambda cls, obj: dataclasses.fields(cls),
        lambda cls, obj: dataclasses.asdict(obj),
    ],
)
def test_any_first_use_makes_the_class_real(first_use: Callable[[type, object], object]) -> None:
    eager, lazy = _pair()
    obj = object.__new__(lazy)  # as unpickling makes an object: its __dict__ set, no method of the class called
    obj.__dict__.update({"a": 1, "b": "x", "c": (), "d": {}})
    assert lazy in lazydataclass._PENDING
    first_use(lazy, obj)
    assert lazy not in lazydataclass._PENDING
    assert dataclasses.is_dataclass(lazy) and obj == lazy(1) and hash(obj) == hash(eager(1))


def test_pickled_model_round_trip() -> None:
    source = models.Source(seed="s", quote="q")
    assert pickle.loads(pickle.dumps(source)) == source


def test_models_are_made_real_on_use_and_by_realise_all() -> None:
    source = models.Source(seed="s", quote="q")
    assert source == models.Source("s", "q") and dataclasses.is_dataclass(models.Source)
    realise_all()
    assert not lazydataclass._PENDING
    assert dataclasses.replace(source, quote="r").quote == "r"


def test_threads_make_a_class_real_once() -> None:
    _, lazy = _pair()
    made: list[object] = []
    threads = [threading.Thread(target=lambda: made.append(lazy(1))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 8 and all(m == lazy(1) for m in made)
