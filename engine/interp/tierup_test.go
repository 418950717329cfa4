package interp

import (
	"testing"

	"github.com/sonde-js/sonde/engine/bytecode"
)

// TestQuickenedSizes: every optimized-tier instruction is exactly as long as
// the baseline instruction it is written over, so both arrays have the same
// pcs (deoptimization and on-stack replacement depend on it).
func TestQuickenedSizes(t *testing.T) {
	pairs := map[bytecode.Op]bytecode.Op{
		bytecode.StarLdar: bytecode.Star, bytecode.StarLdaSmi: bytecode.Star, bytecode.LdarStar: bytecode.Ldar,
		bytecode.LdaKeyedStar: bytecode.LdaKeyedProperty, bytecode.LdaNamedField: bytecode.LdaNamedProperty,
		bytecode.LdaNamedFieldStar: bytecode.LdaNamedProperty, bytecode.StaNamedField: bytecode.StaNamedProperty,
		bytecode.CallPropertyMono: bytecode.CallProperty, bytecode.CallUndefinedReceiverMono: bytecode.CallUndefinedReceiver,
		bytecode.LdaNamedChain: bytecode.LdaNamedProperty, bytecode.LdaNamedChainStar: bytecode.LdaNamedProperty,
		bytecode.LdaNamedMega:           bytecode.LdaNamedProperty,
		bytecode.StaNamedMega:           bytecode.StaNamedProperty,
		bytecode.TestInstanceOfFunction: bytecode.TestInstanceOf,
		bytecode.AddOpt:                 bytecode.Add, bytecode.SubOpt: bytecode.Sub, bytecode.MulOpt: bytecode.Mul, bytecode.DivOpt: bytecode.Div,
		bytecode.BitwiseXorOpt: bytecode.BitwiseXor, bytecode.ShiftLeftOpt: bytecode.ShiftLeft,
		bytecode.ShiftRightOpt: bytecode.ShiftRight, bytecode.ShiftRightLogicalOpt: bytecode.ShiftRightLogical,
		bytecode.BitwiseXorStar: bytecode.BitwiseXor, bytecode.ShiftLeftStar: bytecode.ShiftLeft,
		bytecode.ShiftRightStar: bytecode.ShiftRight, bytecode.ShiftRightLogicalStar: bytecode.ShiftRightLogical,
		bytecode.LdarIncStar: bytecode.Ldar, bytecode.LdarDecStar: bytecode.Ldar, bytecode.LdarPostInc: bytecode.Ldar,
		bytecode.LdaKeyedOpt: bytecode.LdaKeyedProperty, bytecode.StaKeyedOpt: bytecode.StaKeyedProperty,
		bytecode.AddReuse: bytecode.Add, bytecode.SubReuse: bytecode.Sub, bytecode.MulReuse: bytecode.Mul, bytecode.DivReuse: bytecode.Div,
		bytecode.AddStarReuse: bytecode.Add, bytecode.SubStarReuse: bytecode.Sub, bytecode.MulStarReuse: bytecode.Mul,
		bytecode.ConstructFast: bytecode.Construct, bytecode.CreateArgumentsSloppy: bytecode.CreateArguments,
	}
	for _, op := range []bytecode.Op{bytecode.Add, bytecode.Sub, bytecode.Mul, bytecode.BitwiseAnd, bytecode.BitwiseOr, bytecode.Inc, bytecode.Dec} {
		pairs[starForm(op)] = op
	}
	for _, op := range []bytecode.Op{bytecode.TestLessThan, bytecode.TestGreaterThan, bytecode.TestLessThanOrEqual, bytecode.TestGreaterThanOrEqual} {
		pairs[fusedCompare(op)] = op
	}
	if len(pairs) != 51 {
		t.Fatalf("%d quickened forms, want 51 (starForm or fusedCompare maps two ops to one)", len(pairs))
	}
	for q, base := range pairs {
		if q.Size() != base.Size() {
			t.Errorf("%s is %d bytes, the %s it replaces %d", q, q.Size(), base, base.Size())
		}
	}
}
