package objects

import "testing"

func TestPropertyDetailsEncoding(t *testing.T) {
	for _, tc := range []struct {
		kind  PropertyKind
		attrs PropertyAttributes
		field int
	}{
		{KindData, AttrNone, 0}, {KindAccessor, AttrDontEnum, 1}, {KindData, AttrFrozen | AttrDontEnum, 1019},
		{KindAccessor, AttrSealed, 512},
	} {
		d := NewFieldDetails(tc.kind, tc.attrs, tc.field).withPointer(1019)
		if d.Kind() != tc.kind || d.Attributes() != tc.attrs || d.FieldIndex() != tc.field || d.pointer() != 1019 ||
			d.Location() != LocationField {
			t.Errorf("%+v: decoded kind %d attrs %d field %d pointer %d", tc, d.Kind(), d.Attributes(), d.FieldIndex(), d.pointer())
		}
		if back := detailsOf(d.smi()); back != d || !d.smi().IsSmi() {
			t.Errorf("%+v: Smi round trip", tc)
		}
		r := d.withKindAndAttributes(KindData, AttrReadOnly)
		if r.Kind() != KindData || r.Attributes() != AttrReadOnly || r.FieldIndex() != tc.field || r.pointer() != 1019 {
			t.Errorf("%+v: withKindAndAttributes", tc)
		}
		e := newDictionaryDetails(tc.kind, tc.attrs, 0).withEnumerationIndex(maxEnumerationIndex)
		if e.Kind() != tc.kind || e.Attributes() != tc.attrs || e.EnumerationIndex() != maxEnumerationIndex || !e.smi().IsSmi() {
			t.Errorf("%+v: dictionary details", tc)
		}
	}
	for _, tc := range []struct {
		a                                PropertyAttributes
		writable, enumerable, configured bool
	}{
		{AttrNone, true, true, true}, {AttrReadOnly, false, true, true}, {AttrDontEnum, true, false, true},
		{AttrDontDelete, true, true, false}, {AttrFrozen, false, true, false},
	} {
		if tc.a.Writable() != tc.writable || tc.a.Enumerable() != tc.enumerable || tc.a.Configurable() != tc.configured {
			t.Errorf("attributes %d", tc.a)
		}
	}
	if slackForArraySize(0, 1020) != 1 || slackForArraySize(3, 1020) != 1 || slackForArraySize(40, 1020) != 10 || slackForArraySize(1019, 1020) != 1 {
		t.Error("slackForArraySize")
	}
}
