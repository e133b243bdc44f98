"""Jinja2's sandbox with resource bounds: a custom template can neither hang a render nor fill memory.

Jinja's SandboxedEnvironment stops templates reaching Python internals but not using time or memory:
nested `range` loops run for ever and `{{ 'a' * 4000000000 }}` asks for 4 GB. BoundedEnvironment
charges every render a budget (see Budget) and refuses, before it is built, any single value over
MAX_VALUE characters or items:

- `range` is a lazy sequence whose every turn is a step; calls, attribute and item look-ups are steps;
- `*`, `**`, `%` and `+` are checked before they run, as are the str methods and filters that take a
  width or count (center, ljust, indent, format, replace, batch, ...);
- `~` joins, call results (macros included) and looked-up strings are checked for size;
- every piece of output, including what macros, `{% set %}` blocks and `{% filter %}` blocks collect,
  counts towards MAX_PRODUCED, and the top level towards MAX_OUTPUT;
- a wall-clock deadline is checked with the steps, and a watchdog raises RenderTimeout inside the
  rendering thread if a loop runs with nothing to check it (for example loops over the data with
  an empty body).
"""

from __future__ import annotations

import contextlib
import contextvars
import re
import string
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Concat
from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum

MAX_SECONDS = 30.0  # wall-clock time of one render
MAX_STEPS = 5_000_000  # loop turns over range(), calls and look-ups in one render
MAX_OUTPUT = 10_000_000  # characters of Markdown one render may return
MAX_PRODUCED = 50_000_000  # characters written anywhere in one render (macros and {% set %} blocks too)
MAX_VALUE = 1_000_000  # characters or items of any one value a template builds
MAX_INT_BITS = 4096  # size of a whole number a template may compute
_CHECK_CLOCK_EVERY = 1024  # steps
_SIZED = (str, bytes, list, tuple, dict, set, frozenset)
_DICT_ATTRIBUTES = frozenset(dir(dict))


class LimitExceeded(Exception):
    """A template went past one of the bounds; the message says which, in the template author's terms."""


class RenderTimeout(Exception):
    """Raised inside a rendering thread by the watchdog when the render passes its deadline."""


class Budget:
    """What one render may still spend."""

    def __init__(self, seconds: float = MAX_SECONDS, steps: int = MAX_STEPS, produced: int = MAX_PRODUCED) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.steps_left = steps
        self.produced_left = produced
        self._until_clock = _CHECK_CLOCK_EVERY

    def step(self, count: int = 1) -> None:
        self.steps_left -= count
        if self.steps_left < 0:
            raise LimitExceeded(
                f"it ran more than {MAX_STEPS:,} loop turns, calls and look-ups (nested loops over range()?)"
            )
        self._until_clock -= count
        if self._until_clock <= 0:
            self._until_clock = _CHECK_CLOCK_EVERY
            self.clock()

    def clock(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitExceeded(f"it ran for more than {self.seconds:g} seconds")

    def produce(self, chars: int) -> None:
        self.produced_left -= chars
        if self.produced_left < 0:
            raise LimitExceeded(f"it wrote more than {MAX_PRODUCED:,} characters (in loops, macros or set blocks)")
        self.step()


_budget: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("actionbot_render_budget", default=None)


def _spend(count: int = 1) -> None:
    budget = _budget.get()
    if budget is not None:
        budget.step(count)


def _too_big(what: str, size: int) -> LimitExceeded:
    return LimitExceeded(f"it would build {what} of {size:,} characters or items; the most is {MAX_VALUE:,}")


def check_size(value: Any) -> Any:
    """`value` itself, or LimitExceeded if it is a string or container over MAX_VALUE."""
    if isinstance(value, _SIZED) and len(value) > MAX_VALUE:
        raise _too_big("a value", len(value))
    return value


def _check_count(name: str, count: Any) -> None:
    if isinstance(count, int) and count > MAX_VALUE:
        raise _too_big(f"{name}({count:,})", count)


_PERCENT = re.compile(r"%[#0 +\-]*(\*|\d+)?(?:\.(\*|\d+))?")


def _longest(values: Any) -> int:
    """The length of the longest string among `values` (a value, a tuple or a mapping of them)."""
    if isinstance(values, dict):
        values = tuple(values.values())
    if not isinstance(values, tuple | list):
        values = (values,)
    return max((len(v) for v in values if isinstance(v, str)), default=0)


def _check_percent_format(text: str, args: Any = ()) -> None:
    """Refuse a %-format whose widths are huge or given by an argument (`*`), or whose fields would
    repeat long arguments past MAX_VALUE."""
    fields = _PERCENT.findall(text)
    for width, precision in fields:
        for part in (width, precision):
            if part == "*":
                raise LimitExceeded("a % format may not take its width from an argument ('*')")
            if part and int(part) > MAX_VALUE:
                raise _too_big("a % format field", int(part))
    size = len(text) + len(fields) * _longest(args)
    if size > MAX_VALUE:
        raise _too_big("a % format", size)


def _check_brace_format(text: str, args: Any = (), kwargs: Any = None) -> None:
    """Refuse a str.format string whose field widths are huge or nested ({:{w}}), or whose fields would
    repeat long arguments past MAX_VALUE."""
    fields = 0
    for _, field, spec, _ in string.Formatter().parse(text):
        if field is None:
            continue
        fields += 1
        if "{" in spec:
            raise LimitExceeded("a format field may not take its width from another field ({:{w}})")
        for number in re.findall(r"\d+", spec):
            if int(number) > MAX_VALUE:
                raise _too_big("a format field", int(number))
    size = len(text) + fields * max(_longest(tuple(args)), _longest(dict(kwargs or {})))
    if size > MAX_VALUE:
        raise _too_big("a format()", size)


def _check_replace(text: str, old: str, new: str, count: int = -1) -> None:
    if not isinstance(text, str) or not isinstance(old, str) or not isinstance(new, str):
        return
    hits = text.count(old) if count is None or count < 0 else min(count, text.count(old))
    size = len(text) + hits * (len(new) - len(old))
    if size > MAX_VALUE:
        raise _too_big("a replace()", size)


def _check_mul(left: Any, right: Any) -> None:
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, str | bytes | list | tuple) and isinstance(times, int):
            size = len(seq) * max(times, 0)
            if size > MAX_VALUE:
                raise _too_big("a repetition (*)", size)
    if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
        raise LimitExceeded(f"it would compute a number of more than {MAX_INT_BITS:,} bits")


def _check_pow(base: Any, exponent: Any) -> None:
    if (
        isinstance(base, int)
        and isinstance(exponent, int)
        and abs(base) > 1
        and base.bit_length() * max(exponent, 0) > MAX_INT_BITS
    ):
        raise LimitExceeded(f"it would compute a number of more than {MAX_INT_BITS:,} bits (**)")


def _check_add(left: Any, right: Any) -> None:
    if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
        size = len(left) + len(right)
        if size > MAX_VALUE:
            raise _too_big("a sum (+)", size)


class BoundedRange(Sequence[int]):
    """range() for templates: at most MAX_RANGE numbers, and each turn of a loop over it costs a step."""

    def __init__(self, *args: int) -> None:
        self._range = range(*args)
        if len(self._range) > MAX_RANGE:
            raise LimitExceeded(f"range() may give at most {MAX_RANGE:,} numbers, not {len(self._range):,}")

    def __len__(self) -> int:
        return len(self._range)

    def __getitem__(self, index: Any) -> Any:
        item = self._range[index]
        return BoundedRange(item.start, item.stop, item.step) if isinstance(item, range) else item

    def __iter__(self) -> Iterator[int]:
        budget = _budget.get()
        for number in self._range:
            if budget is not None:
                budget.step()
            yield number

    def __repr__(self) -> str:
        return repr(self._range)


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    if n > 100 or max > 1000:
        raise LimitExceeded("lipsum() may make at most 100 paragraphs of 1,000 words")
    return generate_lorem_ipsum(n, html, min, max)


class CountingBuffer(list):
    """The list Jinja collects output in (macros, {% set %} and {% filter %} blocks): it counts what it holds."""

    def append(self, item: Any) -> None:
        budget = _budget.get()
        if budget is not None:
            budget.produce(len(item) if isinstance(item, str) else 1)
        super().append(item)

    def extend(self, items: Any) -> None:
        for item in items:
            self.append(item)


def _checked_filter(func: Callable[..., Any], check: Callable[..., None]) -> Callable[..., Any]:
    """`func` with `check` run first on its value and arguments (not the environment or context Jinja passes)."""
    passes = hasattr(func, "jinja_pass_arg")

    def checked(*args: Any, **kwargs: Any) -> Any:
        check(*(args[1:] if passes else args), **kwargs)
        return func(*args, **kwargs)

    if passes:
        checked.jinja_pass_arg = func.jinja_pass_arg  # type: ignore[attr-defined]
    checked.__name__ = getattr(func, "__name__", "filter")
    return checked


def _filter_checks() -> dict[str, Callable[..., None]]:
    def width(name: str, position: int, keyword: str) -> Callable[..., None]:
        def check(*args: Any, **kwargs: Any) -> None:
            value = kwargs.get(keyword, args[position] if len(args) > position else None)
            _check_count(name, value)
            if isinstance(value, str):
                _check_count(name, len(value))

        return check

    def format_filter(value: Any = None, *args: Any, **kwargs: Any) -> None:
        if isinstance(value, str):
            _check_percent_format(value, kwargs or args)

    def join_filter(value: Any = (), d: Any = "", attribute: Any = None) -> None:
        if isinstance(value, list | tuple) and attribute is None:
            size = sum(len(v) if isinstance(v, str) else 1 for v in value) + len(str(d)) * len(value)
            _check_count("join", size)

    def sum_filter(value: Any = (), attribute: Any = None, start: Any = 0) -> None:
        if not isinstance(start, int | float):
            raise LimitExceeded("sum() adds numbers only here; use join for text")

    def replace_filter(value: Any = None, old: Any = None, new: Any = None, count: Any = None) -> None:
        if isinstance(value, str):
            _check_replace(value, old, new, count if isinstance(count, int) else -1)

    def indent_filter(value: Any = "", width: Any = 4, *args: Any, **kwargs: Any) -> None:
        width = kwargs.get("width", width)
        pad = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
        text = str(value) if isinstance(value, str) else ""
        _check_count("indent", len(text) + (text.count("\n") + 1) * max(pad, 0))

    return {
        "center": width("center", 1, "width"),
        "indent": indent_filter,
        "batch": width("batch", 1, "linecount"),
        "slice": width("slice", 1, "slices"),
        "format": format_filter,
        "join": join_filter,
        "sum": sum_filter,
        "replace": replace_filter,
    }


_STR_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill"})
_CONTAINER_GROWERS = frozenset({"append", "extend", "insert", "update", "add", "setdefault"})


class BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator, but output buffers count what they hold and `~` joins are size-checked."""

    def buffer(self, frame: Frame) -> None:
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.new_buffer()")

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        # Jinja's own visit_Concat, with the join checked for size before it is built.
        if frame.eval_ctx.volatile:
            func_name = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            func_name = "markup_join"
        else:
            func_name = "str_join"
        self.write(f"environment.checked_join({func_name}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class BoundedEnvironment(SandboxedEnvironment):
    """A SandboxedEnvironment whose renders are bounded in time, steps, output and value size."""

    code_generator_class = BoundedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = BoundedRange
        self.globals["lipsum"] = _lipsum
        for name, check in _filter_checks().items():
            if name in self.filters:
                self.filters[name] = _checked_filter(self.filters[name], check)

    @staticmethod
    def new_buffer() -> CountingBuffer:
        return CountingBuffer()

    @staticmethod
    def checked_join(join: Callable[[Any], str], items: tuple[Any, ...]) -> str:
        """`a ~ b ~ c`: refused before it is built if the pieces together pass MAX_VALUE."""
        _spend()
        size = sum(len(item) if isinstance(item, str) else len(str(item)) for item in items)
        if size > MAX_VALUE:
            raise _too_big("a join (~)", size)
        return join(items)

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        _spend()
        if operator_ == "*":
            _check_mul(left, right)
        elif operator_ == "**":
            _check_pow(left, right)
        elif operator_ == "%" and isinstance(left, str):
            _check_percent_format(left, right)
        elif operator_ == "+":
            _check_add(left, right)
        return check_size(self.binop_table[operator_](left, right))

    def getattr(self, obj: Any, attribute: str) -> Any:
        _spend()
        if type(obj) is dict and type(attribute) is str and attribute not in _DICT_ATTRIBUTES:
            # `row.lead` on a plain dict: Python's getattr would fail and Jinja would take the item,
            # so take it straight away (dict methods and a missing key go the sandbox's whole way)
            try:
                value = obj[attribute]
            except KeyError:
                pass
            else:
                return check_size(value) if isinstance(value, str) else value
        value = super().getattr(obj, attribute)
        return check_size(value) if isinstance(value, str) else value

    def getitem(self, obj: Any, argument: Any) -> Any:
        _spend()
        value = super().getitem(obj, argument)
        return check_size(value) if isinstance(value, str) else value

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        text = value.__self__

        def checked(*args: Any, **kwargs: Any) -> str:
            if value.__name__ == "format_map":
                _check_brace_format(text, (), args[0] if args and isinstance(args[0], dict) else None)
            else:
                _check_brace_format(text, args, kwargs)
            return check_size(wrapper(*args, **kwargs))

        return checked

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _spend()
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(owner, str | bytes):
            if name == "translate":
                raise LimitExceeded("translate() is not available in templates; use replace")
            if name in _STR_WIDTH_METHODS and args:
                _check_count(name, args[0])
            elif name == "expandtabs":
                tabs = args[0] if args else kwargs.get("tabsize", 8)
                if isinstance(tabs, int):
                    _check_count("expandtabs", len(owner) * tabs)
            elif name == "replace" and len(args) >= 2:
                _check_replace(owner, args[0], args[1], args[2] if len(args) > 2 else -1)
            elif name == "join" and args and isinstance(args[0], list | tuple):
                _check_count("join", sum(len(x) for x in args[0] if isinstance(x, str)) + len(owner) * len(args[0]))
        result = check_size(SandboxedEnvironment.call(__self, __context, __obj, *args, **kwargs))
        if name in _CONTAINER_GROWERS and isinstance(owner, list | dict | set):
            check_size(owner)
        return result


@contextlib.contextmanager
def bounded(seconds: float = MAX_SECONDS) -> Iterator[Budget]:
    """Charge the renders in this block (in this thread) to one new Budget, with a watchdog on its deadline."""
    budget = Budget(seconds)
    token = _budget.set(budget)
    try:
        with _Watchdog(seconds + 1.0):
            yield budget
    finally:
        _budget.reset(token)


def stream(chunks: Iterator[str], budget: Budget, limit: int = MAX_OUTPUT) -> str:
    """Join rendered pieces, stopping with LimitExceeded once they pass `limit` characters."""
    out: list[str] = []
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > limit:
            raise LimitExceeded(f"it wrote more than {limit:,} characters of Markdown")
        budget.produce(len(chunk))
        out.append(chunk)
    return "".join(out)


class _Watchdog:
    """Raise RenderTimeout in the current thread if the block runs past `seconds`.

    The budget's clock is checked only at steps; a loop with nothing in it that counts (say three
    nested loops over the data with an empty body) would never look. CPython can raise an exception in
    another thread at its next bytecode (PyThreadState_SetAsyncExc); a timer thread does that once, and
    leaving the block disarms it and clears an exception it raised too late to matter.
    """

    def __init__(self, seconds: float) -> None:
        self.thread = threading.get_ident()
        self.lock = threading.Lock()
        self.armed = True
        self.fired = False
        self.timer = threading.Timer(seconds, self._fire)
        self.timer.daemon = True

    def _fire(self) -> None:
        with self.lock:
            if self.armed:
                self.fired = True
                _async_raise(self.thread, RenderTimeout)

    def __enter__(self) -> _Watchdog:
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with self.lock:
            self.armed = False
            if self.fired:
                _async_raise(self.thread, None)  # clear it if it has not been raised yet
        self.timer.cancel()


def _async_raise(thread: int, exc: type[BaseException] | None) -> None:
    import ctypes  # only when a watchdog fires: not every render's (or every process's) import

    set_async = getattr(getattr(ctypes, "pythonapi", None), "PyThreadState_SetAsyncExc", None)
    if set_async is not None:  # CPython; elsewhere the budget's clock is the only deadline
        set_async(ctypes.c_ulong(thread), ctypes.py_object(exc) if exc is not None else None)


__all__ = [
    "MAX_OUTPUT",
    "MAX_SECONDS",
    "BoundedEnvironment",
    "Budget",
    "LimitExceeded",
    "RenderTimeout",
    "bounded",
    "stream",
]
