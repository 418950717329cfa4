package builtins

import (
	"strings"

	"github.com/sonde-js/sonde/engine/interp"
	"github.com/sonde-js/sonde/engine/layout"
	"github.com/sonde-js/sonde/engine/objects"
)

// consoleTable renders console.table's data as node 20 does: an "(index)"
// column, a column per property of the rows that are objects (in order of
// first appearance), and "Values" for rows that are primitives, in a box
// of line-drawing characters, cells left-aligned. ok is false for a value
// that is not an object (console.table then logs it) or when a getter
// threw (the exception is pending).
func consoleTable(in *interp.Interp, data layout.Value) (string, bool, bool) {
	if !in.IsObject(data) || in.IsCallable(data) {
		return "", false, true
	}
	h, f := in.Heap(), in.Factory()
	scope := h.OpenScope()
	defer scope.Close()
	obj := h.NewHandle(data)
	keys := ownKeys(in, obj, objects.OnlyEnumerable|objects.SkipSymbols)
	var index []string
	var colNames []string
	cols := map[string]map[int]string{}
	values := map[int]string{}
	hasValues := false
	for i := 0; i < f.Length(keys.Value()); i++ {
		k := interp.KeyOf(f.Get(keys.Value(), i))
		kh := in.HandleKey(k)
		index = append(index, in.GoString(in.KeyString(kh.Key())))
		item, ok := in.Get(obj.Value(), kh.Key())
		if !ok {
			return "", true, false
		}
		if !in.IsObject(item) || in.IsCallable(item) {
			values[i] = tableCell(in, item)
			hasValues = true
			continue
		}
		ih := h.NewHandle(item)
		ikeys := ownKeys(in, ih, objects.OnlyEnumerable|objects.SkipSymbols)
		for j := 0; j < f.Length(ikeys.Value()); j++ {
			ik := in.HandleKey(interp.KeyOf(f.Get(ikeys.Value(), j)))
			name := in.GoString(in.KeyString(ik.Key()))
			v, ok := in.Get(ih.Value(), ik.Key())
			if !ok {
				return "", true, false
			}
			if cols[name] == nil {
				cols[name] = map[int]string{}
				colNames = append(colNames, name)
			}
			cols[name][i] = tableCell(in, v)
		}
	}
	head := append([]string{"(index)"}, colNames...)
	if hasValues {
		head = append(head, "Values")
	}
	rows := make([][]string, len(index))
	for i := range index {
		row := []string{index[i]}
		for _, c := range colNames {
			row = append(row, cols[c][i])
		}
		if hasValues {
			row = append(row, values[i])
		}
		rows[i] = row
	}
	return renderTable(head, rows), true, true
}

// tableCell is one value as console.table shows it: util.inspect without
// line breaks.
func tableCell(in *interp.Interp, v layout.Value) string {
	return strings.ReplaceAll(Inspect(in, v), "\n", " ")
}

// renderTable draws node's cli_table.
func renderTable(head []string, rows [][]string) string {
	widths := make([]int, len(head))
	for i, h := range head {
		widths[i] = utf16Len(h)
	}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], utf16Len(c))
		}
	}
	divider := make([]string, len(widths))
	for i, w := range widths {
		divider[i] = strings.Repeat("─", w+2)
	}
	row := func(cells []string) string {
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = c + strings.Repeat(" ", widths[i]-utf16Len(c))
		}
		return "│ " + strings.Join(out, " │ ") + " │"
	}
	var sb strings.Builder
	sb.WriteString("┌" + strings.Join(divider, "┬") + "┐\n")
	sb.WriteString(row(head) + "\n")
	sb.WriteString("├" + strings.Join(divider, "┼") + "┤\n")
	for _, r := range rows {
		sb.WriteString(row(r) + "\n")
	}
	sb.WriteString("└" + strings.Join(divider, "┴") + "┘")
	return sb.String()
}
