package builtins

import (
	"math"
	"time"

	"github.com/sonde-js/sonde/engine/heap"
	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/jsdate"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// Date (ECMA-262 21.4) on package jsdate's algorithms. A Date object is an
// ordinary object whose time value (a Number, NaN for an invalid date)
// lives in a private slot. Local time is time.Local, which Go reads from TZ
// as node does.

func (b *installer) date() {
	in := b.in
	proto := b.intrinsic(interp.DatePrototype)
	c := b.constructor("Date", 7, dateConstructor, proto)
	b.methods(c, []fn{
		{"now", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			return in.NewNumber(dateNow()), true
		}},
		{"parse", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			s, ok := in.ToGoString(a.Arg(0))
			if !ok {
				return 0, false
			}
			return in.NewNumber(jsdate.Parse(s)), true
		}},
		{"UTC", 7, dateUTC},
	})
	local := func(get func(f jsdate.Fields) float64) interp.Native {
		return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			t, ok := thisTimeValue(in, a)
			if !ok {
				return 0, false
			}
			f, valid := jsdate.Decompose(jsdate.LocalTime(t, nil))
			if !valid {
				return in.NewNumber(math.NaN()), true
			}
			return in.NewNumber(get(f)), true
		}
	}
	utc := func(get func(f jsdate.Fields) float64) interp.Native {
		return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			t, ok := thisTimeValue(in, a)
			if !ok {
				return 0, false
			}
			f, valid := jsdate.Decompose(t)
			if !valid {
				return in.NewNumber(math.NaN()), true
			}
			return in.NewNumber(get(f)), true
		}
	}
	fields := []struct {
		name string
		get  func(f jsdate.Fields) float64
	}{
		{"FullYear", func(f jsdate.Fields) float64 { return float64(f.Year) }},
		{"Month", func(f jsdate.Fields) float64 { return float64(f.Month) }},
		{"Date", func(f jsdate.Fields) float64 { return float64(f.Day) }},
		{"Day", func(f jsdate.Fields) float64 { return float64(f.WeekDay) }},
		{"Hours", func(f jsdate.Fields) float64 { return float64(f.Hour) }},
		{"Minutes", func(f jsdate.Fields) float64 { return float64(f.Minute) }},
		{"Seconds", func(f jsdate.Fields) float64 { return float64(f.Second) }},
		{"Milliseconds", func(f jsdate.Fields) float64 { return float64(f.Millisecond) }},
	}
	var table []fn
	for _, fl := range fields {
		table = append(table, fn{"get" + fl.name, 0, local(fl.get)}, fn{"getUTC" + fl.name, 0, utc(fl.get)})
	}
	timeValue := func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
		t, ok := thisTimeValue(in, a)
		if !ok {
			return 0, false
		}
		return in.NewNumber(t), true
	}
	str := func(format func(t float64) string) interp.Native {
		return func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			t, ok := thisTimeValue(in, a)
			if !ok {
				return 0, false
			}
			if t != t {
				return in.StringValue("Invalid Date"), true
			}
			return in.StringValue(format(t)), true
		}
	}
	table = append(table,
		fn{"getTime", 0, timeValue},
		fn{"valueOf", 0, timeValue},
		fn{"getYear", 0, local(func(f jsdate.Fields) float64 { return float64(f.Year) - 1900 })},
		fn{"getTimezoneOffset", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			t, ok := thisTimeValue(in, a)
			if !ok {
				return 0, false
			}
			if t != t {
				return in.NewNumber(math.NaN()), true
			}
			return in.NewNumber(jsdate.TimezoneOffset(t, nil)), true
		}},
		fn{"setTime", 1, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			if _, ok := thisTimeValue(in, a); !ok {
				return 0, false
			}
			x, ok := in.ToFloat(a.Arg(0))
			if !ok {
				return 0, false
			}
			return setTimeValue(in, a, jsdate.TimeClip(x)), true
		}},
		fn{"toString", 0, str(func(t float64) string { return jsdate.ToString(t, nil) })},
		fn{"toDateString", 0, str(func(t float64) string { return jsdate.ToDateString(t, nil) })},
		fn{"toTimeString", 0, str(func(t float64) string { return jsdate.ToTimeString(t, nil) })},
		fn{"toUTCString", 0, str(jsdate.ToUTCString)},
		fn{"toLocaleString", 0, str(func(t float64) string { return jsdate.ToLocaleString(t, nil) })},
		fn{"toLocaleDateString", 0, str(func(t float64) string { return jsdate.ToLocaleDateString(t, nil) })},
		fn{"toLocaleTimeString", 0, str(func(t float64) string { return jsdate.ToLocaleTimeString(t, nil) })},
		fn{"toISOString", 0, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
			t, ok := thisTimeValue(in, a)
			if !ok {
				return 0, false
			}
			s, err := jsdate.ToISOString(t)
			if err != nil {
				return in.ThrowError(interp.RangeError, "Invalid time value")
			}
			return in.StringValue(s), true
		}},
		fn{"toJSON", 1, dateToJSON},
	)
	// The setters: which fields they take (local or UTC).
	for _, s := range []struct {
		name  string
		first int // index of the first field: 0 year … 6 ms
		count int
	}{
		{"Milliseconds", 6, 1}, {"Seconds", 5, 2}, {"Minutes", 4, 3}, {"Hours", 3, 4},
		{"Date", 2, 1}, {"Month", 1, 2}, {"FullYear", 0, 3},
	} {
		first, count := s.first, s.count
		table = append(table,
			fn{"set" + s.name, count, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
				return dateSet(in, a, first, count, true)
			}},
			fn{"setUTC" + s.name, count, func(in *interp.Interp, a interp.Args) (layout.Value, bool) {
				return dateSet(in, a, first, count, false)
			}})
	}
	table = append(table, fn{"setYear", 1, dateSetYear})
	b.methods(proto, table)
	// toGMTString is the same function as toUTCString.
	f := in.Factory()
	key := in.InternalizeGo("toUTCString")
	utcs, _ := f.GetProperty(proto.Value(), key.Value())
	in.DefineValue(proto, "toGMTString", in.Handle(utcs), objects.AttrDontEnum)
	tp := in.NewNativeFunction("[Symbol.toPrimitive]", 1, dateToPrimitive, 0)
	f.DefineProperty(proto, in.Handle(in.Intrinsic(interp.SymbolToPrimitive)), tp, objects.AttrReadOnly|objects.AttrDontEnum)
}

// dateNow is the current time value (whole milliseconds).
func dateNow() float64 { return float64(time.Now().UnixMilli()) }

// timeValueOf returns the time value of a Date object.
func timeValueOf(in *interp.Interp, v layout.Value) (float64, bool) {
	if !in.IsObject(v) {
		return 0, false
	}
	t, ok := in.Factory().GetProperty(v, in.Intrinsic(interp.PrivateDateValue))
	if !ok {
		return 0, false
	}
	return in.NumberValue(t), true
}

// thisTimeValue is thisTimeValue(this value): the receiver's time value,
// or a TypeError for anything but a Date.
func thisTimeValue(in *interp.Interp, a interp.Args) (float64, bool) {
	t, ok := timeValueOf(in, a.This())
	if !ok {
		in.ThrowError(interp.TypeError, "this is not a Date object.")
	}
	return t, ok
}

// setTimeValue stores t in the receiver and returns it as a Number.
func setTimeValue(in *interp.Interp, a interp.Args, t float64) layout.Value {
	h := in.Heap()
	obj := h.NewHandle(a.This())
	v := h.NewHandle(in.NewNumber(t))
	in.Factory().DefineProperty(obj, h.NewHandle(in.Intrinsic(interp.PrivateDateValue)), v, objects.AttrDontEnum)
	return v.Value()
}

// newDate makes a Date object with time value t and the given prototype.
func newDate(in *interp.Interp, proto layout.Value, t float64) layout.Value {
	h := in.Heap()
	obj := in.NewObject(proto)
	v := h.NewHandle(in.NewNumber(t))
	in.Factory().DefineProperty(obj, h.NewHandle(in.Intrinsic(interp.PrivateDateValue)), v, objects.AttrDontEnum)
	return obj.Value()
}

func dateConstructor(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if !a.IsConstruct() {
		return in.StringValue(jsdate.ToString(dateNow(), nil)), true
	}
	var t float64
	switch n := a.Len(); {
	case n == 0:
		t = dateNow()
	case n == 1:
		v := a.Arg(0)
		if tv, ok := timeValueOf(in, v); ok {
			t = tv
			break
		}
		p, ok := in.ToPrimitive(v, interp.HintDefault)
		if !ok {
			return 0, false
		}
		if in.IsString(p) {
			t = jsdate.Parse(in.GoString(p))
		} else {
			x, ok := in.ToFloat(p)
			if !ok {
				return 0, false
			}
			t = jsdate.TimeClip(x)
		}
	default:
		d, ok := dateFromArgs(in, a)
		if !ok {
			return 0, false
		}
		t = jsdate.TimeClip(jsdate.UTC(d, nil))
	}
	obj, ok := in.OrdinaryCreateFromConstructor(a.NewTarget(), interp.DatePrototype)
	if !ok {
		return 0, false
	}
	proto := in.Factory().GetPrototype(obj.Value())
	return newDate(in, proto, t), true
}

// dateFromArgs is MakeDate(MakeDay(y, m, dt), MakeTime(h, min, s, ms)) of
// the arguments (year, month[, date, hours, minutes, seconds, ms]), the year
// 0-99 meaning 1900-1999.
func dateFromArgs(in *interp.Interp, a interp.Args) (float64, bool) {
	vals := [7]float64{math.NaN(), 0, 1, 0, 0, 0, 0}
	for i := 0; i < 7 && i < a.Len(); i++ {
		x, ok := in.ToFloat(a.Arg(i))
		if !ok {
			return 0, false
		}
		vals[i] = x
	}
	y := jsdate.MakeFullYear(vals[0])
	return jsdate.MakeDate(jsdate.MakeDay(y, vals[1], vals[2]), jsdate.MakeTime(vals[3], vals[4], vals[5], vals[6])), true
}

func dateUTC(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	d, ok := dateFromArgs(in, a)
	if !ok {
		return 0, false
	}
	return in.NewNumber(jsdate.TimeClip(d)), true
}

// dateSet implements the setters: count fields from field first (0 year,
// 1 month, 2 date, 3 hours, 4 minutes, 5 seconds, 6 ms) replaced by the
// arguments, in local time or UTC.
func dateSet(in *interp.Interp, a interp.Args, first, count int, local bool) (layout.Value, bool) {
	t, ok := thisTimeValue(in, a)
	if !ok {
		return 0, false
	}
	args := make([]float64, 0, count)
	for i := 0; i < count && (i == 0 || i < a.Len()); i++ {
		x, ok := in.ToFloat(a.Arg(i))
		if !ok {
			return 0, false
		}
		args = append(args, x)
	}
	if t != t {
		if first != 0 {
			return in.NewNumber(math.NaN()), true
		}
		t = 0 // setFullYear on an invalid date starts from +0
	} else if local {
		t = jsdate.LocalTime(t, nil)
	}
	f, _ := jsdate.Decompose(t)
	vals := [7]float64{float64(f.Year), float64(f.Month), float64(f.Day), float64(f.Hour), float64(f.Minute), float64(f.Second), float64(f.Millisecond)}
	for i, x := range args {
		vals[first+i] = x
	}
	d := jsdate.MakeDate(jsdate.MakeDay(vals[0], vals[1], vals[2]), jsdate.MakeTime(vals[3], vals[4], vals[5], vals[6]))
	if local {
		d = jsdate.UTC(d, nil)
	}
	return setTimeValue(in, a, jsdate.TimeClip(d)), true
}

func dateSetYear(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	t, ok := thisTimeValue(in, a)
	if !ok {
		return 0, false
	}
	y, ok := in.ToFloat(a.Arg(0))
	if !ok {
		return 0, false
	}
	if t != t {
		t = 0
	} else {
		t = jsdate.LocalTime(t, nil)
	}
	if y != y {
		return setTimeValue(in, a, math.NaN()), true
	}
	y = jsdate.MakeFullYear(y)
	f, _ := jsdate.Decompose(t)
	d := jsdate.MakeDate(jsdate.MakeDay(y, float64(f.Month), float64(f.Day)), jsdate.TimeWithinDay(t))
	return setTimeValue(in, a, jsdate.TimeClip(jsdate.UTC(d, nil))), true
}

// dateToJSON is Date.prototype.toJSON: null for a non-finite time value,
// else this.toISOString().
func dateToJSON(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	h := in.Heap()
	o, ok := in.ToObject(a.This())
	if !ok {
		return 0, false
	}
	oh := h.NewHandle(o)
	tv, ok := in.ToPrimitive(o, interp.HintNumber)
	if !ok {
		return 0, false
	}
	if in.IsNumber(tv) {
		if x := in.NumberValue(tv); x != x || math.IsInf(x, 0) {
			return in.Null(), true
		}
	}
	key := in.InternalizeGo("toISOString")
	m, ok := in.Get(oh.Value(), interp.NameKey(key.Value()))
	if !ok {
		return 0, false
	}
	if !in.IsCallable(m) {
		return in.ThrowError(interp.TypeError, "toISOString is not a function")
	}
	return in.Call(m, oh.Value())
}

// dateToPrimitive is Date.prototype[Symbol.toPrimitive](hint): strings
// first for "string" and "default", numbers first for "number".
func dateToPrimitive(in *interp.Interp, a interp.Args) (layout.Value, bool) {
	if !in.IsObject(a.This()) {
		return in.ThrowError(interp.TypeError, "Date.prototype [ @@toPrimitive ] called on non-object")
	}
	hint, ok := "", in.IsString(a.Arg(0))
	if ok {
		hint = in.GoString(a.Arg(0))
	}
	switch hint {
	case "string", "default":
		return in.OrdinaryToPrimitive(a.This(), interp.HintString)
	case "number":
		return in.OrdinaryToPrimitive(a.This(), interp.HintNumber)
	}
	return in.ThrowError(interp.TypeError, "Invalid hint: "+displayArg(in, a.Arg(0)))
}

// dateString is node's inspect form of a Date: its ISO string, or
// "Invalid Date".
func dateString(in *interp.Interp, v layout.Value) (string, bool) {
	t, ok := timeValueOf(in, v)
	if !ok {
		return "", false
	}
	s, err := jsdate.ToISOString(t)
	if err != nil {
		return "Invalid Date", true
	}
	return s, true
}

var _ = heap.NewSpace
