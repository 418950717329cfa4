package heap

import (
	"strings"
	"testing"

	"github.com/sonde-js/sonde/engine/layout"
)

func TestVerifyCatchesCorruption(t *testing.T) {
	cases := []struct {
		name    string
		corrupt func(th *testHeap, old, young layout.Value)
		want    string
	}{
		{"old-to-new store without barrier", func(th *testHeap, old, young layout.Value) {
			th.SetU32(old.Addr(), layout.FixedArrayHeaderSize, uint32(young))
		}, "not remembered"},
		{"reference into the middle of an object", func(th *testHeap, old, young layout.Value) {
			th.set(old, 0, young+8)
		}, "not the start of a live object"},
		{"reference outside every page", func(th *testHeap, old, _ layout.Value) {
			th.SetU32(old.Addr(), layout.FixedArrayHeaderSize, 0x7ffff001)
		}, "outside every page"},
		{"smashed map word", func(th *testHeap, _, young layout.Value) {
			th.SetU32(young.Addr(), 0, 0x1234)
		}, "is not a reference"},
		{"size past the page end", func(th *testHeap, old, _ layout.Value) {
			th.SetField(old.Addr(), layout.FixedArrayLengthOffset, layout.Smi(1<<20))
		}, "bad size"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			th := newTestHeap(t, Options{})
			scope := th.OpenScope()
			defer scope.Close()
			old := th.array(OldSpace, 4)
			young := th.array(NewSpace, 4)
			th.verify()
			c.corrupt(th, old.Value(), young.Value())
			err := th.Verify()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Verify() = %v, want an error containing %q", err, c.want)
			}
		})
	}
}

func TestSafepointStress(t *testing.T) {
	th := newTestHeap(t, Options{VerifyHeap: true, GCStressSafepoints: true})
	scope := th.OpenScope()
	defer scope.Close()
	list := th.NewHandle(layout.Smi(0))
	for i := 0; i < 300; i++ {
		th.Safepoint()
		node := th.array(NewSpace, 2)
		num := th.number(NewSpace, float64(i)+0.25)
		th.set(node.Value(), 0, num.Value())
		th.set(node.Value(), 1, list.Value())
		list.Set(node.Value())
	}
	sc, full := th.GCCount()
	if sc+full != 300 {
		t.Fatalf("%d GCs at 300 safepoints", sc+full)
	}
	checkList(t, th, list.Value(), 300)
}

func TestSemiSpaceGrowsUpToItsMaximum(t *testing.T) {
	th := newTestHeap(t, Options{MaxSemiSpaceMiB: 4})
	scope := th.OpenScope()
	defer scope.Close()
	keep := th.array(OldSpace, 30000)
	for i := 0; i < 200000; i++ {
		s := th.OpenScope()
		n := th.array(NewSpace, 6)
		th.set(keep.Value(), i%30000, n.Value())
		s.Close()
	}
	if c := th.newSpace.capacity; c != 4<<20 {
		t.Fatalf("semi-space capacity %d, want its 4 MiB maximum", c)
	}
	st := th.SpaceStatistics()[1]
	if st.SpaceName != "new_space" || st.SpaceSize != 4<<20 || st.SpaceUsedSize > st.SpaceSize {
		t.Fatalf("new space statistics %+v", st)
	}
}
