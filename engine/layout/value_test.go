package layout

import "testing"

func TestSmiRoundTrip(t *testing.T) {
	for _, i := range []int{0, 1, -1, 42, SmiMax, SmiMin, 1 << 29, -(1 << 29)} {
		v := Smi(i)
		if !v.IsSmi() || v.IsHeapObject() || v.SmiValue() != i {
			t.Errorf("Smi(%d) = %#x decodes to %d", i, uint32(v), v.SmiValue())
		}
	}
	if FitsSmi(SmiMax+1) || FitsSmi(SmiMin-1) || !FitsSmi(SmiMin) {
		t.Error("FitsSmi bounds")
	}
}

func TestHeapReference(t *testing.T) {
	a := Addr(0x40000 + 12)
	v := a.Value()
	if !v.IsHeapObject() || v.IsSmi() || v.Addr() != a {
		t.Fatalf("%#x -> %#x -> %#x", a, uint32(v), v.Addr())
	}
}

func TestInstanceTypeRanges(t *testing.T) {
	for ty := InstanceType(0); ty <= LastInstanceType; ty++ {
		if ty.String() == "UNKNOWN_INSTANCE_TYPE" {
			t.Errorf("instance type %d has no name", ty)
		}
	}
	if !ConsTwoByteStringType.IsString() || SymbolType.IsString() || !SymbolType.IsName() || HeapNumberType.IsName() {
		t.Error("string/name ranges")
	}
	if !JSFunctionType.IsJSObject() || MapType.IsJSObject() || !NativeContextType.IsContext() {
		t.Error("object/context ranges")
	}
}
