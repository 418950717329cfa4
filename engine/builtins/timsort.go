package builtins

// timSort sorts a (indexes of the values being sorted) as V8's
// Array.prototype.sort does (third_party/v8/builtins/array-sort.tq, a port
// of CPython's listsort): binary insertion sort of short runs, merges with
// galloping. Following the same steps matters because the comparison
// function is user code: how often it is called, and with which pairs, is
// observable (coverage counts show it). compare returns the comparison's
// result (negative: x before y) and false when it threw; the sort then
// stops calling it and timSort returns false.
func timSort(a []int, compare func(x, y int) (float64, bool)) bool {
	s := &sortState{a: a, minGallop: minGallopInitial}
	s.cmp = func(x, y int) float64 {
		if s.failed {
			return 0
		}
		d, ok := compare(x, y)
		if !ok {
			s.failed = true
			return 0
		}
		return d
	}
	n := len(a)
	if n < 2 {
		return true
	}
	low, remaining := 0, n
	minRun := minRunLength(remaining)
	for remaining != 0 {
		run := s.countAndMakeRun(low, low+remaining)
		if run < minRun {
			forced := min(minRun, remaining)
			s.binaryInsertionSort(low, low+run, low+forced)
			run = forced
		}
		s.runs = append(s.runs, sortRun{low, run})
		s.mergeCollapse()
		low += run
		remaining -= run
		if s.failed {
			return false
		}
	}
	s.mergeForceCollapse()
	return !s.failed
}

const (
	minGallopInitial = 7
	minGallopWins    = 7
)

type sortRun struct{ base, length int }

type sortState struct {
	a         []int
	cmp       func(x, y int) float64
	failed    bool
	minGallop int
	runs      []sortRun
	tmp       []int
}

func minRunLength(n int) int {
	r := 0
	for n >= 64 {
		r |= n & 1
		n >>= 1
	}
	return n + r
}

// countAndMakeRun returns the length of the run starting at low, reversing
// it in place if it is strictly descending.
func (s *sortState) countAndMakeRun(lowArg, high int) int {
	a := s.a
	low := lowArg + 1
	if low == high {
		return 1
	}
	runLength := 2
	elementLow, elementLowPre := a[low], a[low-1]
	order := s.cmp(elementLow, elementLowPre)
	descending := order < 0
	previous := elementLow
	for idx := low + 1; idx < high; idx++ {
		current := a[idx]
		order = s.cmp(current, previous)
		if descending {
			if order >= 0 {
				break
			}
		} else if order < 0 {
			break
		}
		previous = current
		runLength++
	}
	if descending {
		for i, j := lowArg, lowArg+runLength-1; i < j; i, j = i+1, j-1 {
			a[i], a[j] = a[j], a[i]
		}
	}
	return runLength
}

// binaryInsertionSort sorts a[low:high], of which a[low:start] is sorted.
func (s *sortState) binaryInsertionSort(low, startArg, high int) {
	a := s.a
	start := startArg
	if low == startArg {
		start++
	}
	for ; start < high; start++ {
		left, right := low, start
		pivot := a[start]
		for left < right {
			mid := left + ((right - left) >> 1)
			if s.cmp(pivot, a[mid]) < 0 {
				right = mid
			} else {
				left = mid + 1
			}
		}
		copy(a[left+1:start+1], a[left:start])
		a[left] = pivot
	}
}

func (s *sortState) runInvariantEstablished(n int) bool {
	if n < 2 {
		return true
	}
	return s.runs[n-2].length > s.runs[n-1].length+s.runs[n].length
}

func (s *sortState) mergeCollapse() {
	for len(s.runs) > 1 && !s.failed {
		n := len(s.runs) - 2
		if !s.runInvariantEstablished(n+1) || !s.runInvariantEstablished(n) {
			if s.runs[n-1].length < s.runs[n+1].length {
				n--
			}
			s.mergeAt(n)
		} else if s.runs[n].length <= s.runs[n+1].length {
			s.mergeAt(n)
		} else {
			break
		}
	}
}

func (s *sortState) mergeForceCollapse() {
	for len(s.runs) > 1 && !s.failed {
		n := len(s.runs) - 2
		if n > 0 && s.runs[n-1].length < s.runs[n+1].length {
			n--
		}
		s.mergeAt(n)
	}
}

func (s *sortState) mergeAt(i int) {
	a := s.a
	baseA, lengthA := s.runs[i].base, s.runs[i].length
	baseB, lengthB := s.runs[i+1].base, s.runs[i+1].length
	s.runs[i].length = lengthA + lengthB
	if i == len(s.runs)-3 {
		s.runs[i+1] = s.runs[i+2]
	}
	s.runs = s.runs[:len(s.runs)-1]

	k := s.gallopRight(a, a[baseB], baseA, lengthA, 0)
	baseA += k
	lengthA -= k
	if lengthA == 0 {
		return
	}
	lengthB = s.gallopLeft(a, a[baseA+lengthA-1], baseB, lengthB, lengthB-1)
	if lengthB == 0 {
		return
	}
	if lengthA <= lengthB {
		s.mergeLow(baseA, lengthA, baseB, lengthB)
	} else {
		s.mergeHigh(baseA, lengthA, baseB, lengthB)
	}
}

// gallopLeft returns where key belongs in the sorted array[base:base+length]:
// left of any equal elements.
func (s *sortState) gallopLeft(array []int, key, base, length, hint int) int {
	lastOfs, offset := 0, 1
	if s.cmp(array[base+hint], key) < 0 {
		maxOfs := length - hint
		for offset < maxOfs {
			if s.cmp(array[base+hint+offset], key) >= 0 {
				break
			}
			lastOfs = offset
			offset = (offset << 1) + 1
		}
		offset = min(offset, maxOfs)
		lastOfs += hint
		offset += hint
	} else {
		maxOfs := hint + 1
		for offset < maxOfs {
			if s.cmp(array[base+hint-offset], key) < 0 {
				break
			}
			lastOfs = offset
			offset = (offset << 1) + 1
		}
		offset = min(offset, maxOfs)
		lastOfs, offset = hint-offset, hint-lastOfs
	}
	lastOfs++
	for lastOfs < offset {
		m := lastOfs + ((offset - lastOfs) >> 1)
		if s.cmp(array[base+m], key) < 0 {
			lastOfs = m + 1
		} else {
			offset = m
		}
	}
	return offset
}

// gallopRight is gallopLeft placing key right of any equal elements.
func (s *sortState) gallopRight(array []int, key, base, length, hint int) int {
	lastOfs, offset := 0, 1
	if s.cmp(key, array[base+hint]) < 0 {
		maxOfs := hint + 1
		for offset < maxOfs {
			if s.cmp(key, array[base+hint-offset]) >= 0 {
				break
			}
			lastOfs = offset
			offset = (offset << 1) + 1
		}
		offset = min(offset, maxOfs)
		lastOfs, offset = hint-offset, hint-lastOfs
	} else {
		maxOfs := length - hint
		for offset < maxOfs {
			if s.cmp(key, array[base+hint+offset]) < 0 {
				break
			}
			lastOfs = offset
			offset = (offset << 1) + 1
		}
		offset = min(offset, maxOfs)
		lastOfs += hint
		offset += hint
	}
	lastOfs++
	for lastOfs < offset {
		m := lastOfs + ((offset - lastOfs) >> 1)
		if s.cmp(key, array[base+m]) < 0 {
			offset = m
		} else {
			lastOfs = m + 1
		}
	}
	return offset
}

func (s *sortState) tempArray(n int) []int {
	if cap(s.tmp) < n {
		s.tmp = make([]int, n)
	}
	return s.tmp[:n]
}

// mergeLow merges the adjacent runs A and B (lengthA <= lengthB) in place,
// copying A aside.
func (s *sortState) mergeLow(baseA, lengthA, baseB, lengthB int) {
	a := s.a
	tmp := s.tempArray(lengthA)
	copy(tmp, a[baseA:baseA+lengthA])
	dest, cursorTemp, cursorB := baseA, 0, baseB
	a[dest] = a[cursorB]
	dest++
	cursorB++

	succeed := func() {
		if lengthA > 0 {
			copy(a[dest:dest+lengthA], tmp[cursorTemp:cursorTemp+lengthA])
		}
	}
	copyB := func() {
		copy(a[dest:dest+lengthB], a[cursorB:cursorB+lengthB])
		a[dest+lengthB] = tmp[cursorTemp]
	}
	lengthB--
	if lengthB == 0 {
		succeed()
		return
	}
	if lengthA == 1 {
		copyB()
		return
	}
	minGallop := s.minGallop
	for {
		winsA, winsB := 0, 0
		for {
			if s.cmp(a[cursorB], tmp[cursorTemp]) < 0 {
				a[dest] = a[cursorB]
				dest++
				cursorB++
				winsB++
				lengthB--
				winsA = 0
				if lengthB == 0 {
					succeed()
					return
				}
				if winsB >= minGallop {
					break
				}
			} else {
				a[dest] = tmp[cursorTemp]
				dest++
				cursorTemp++
				winsA++
				lengthA--
				winsB = 0
				if lengthA == 1 {
					copyB()
					return
				}
				if winsA >= minGallop {
					break
				}
			}
		}
		minGallop++
		first := true
		for winsA >= minGallopWins || winsB >= minGallopWins || first {
			first = false
			minGallop = max(1, minGallop-1)
			s.minGallop = minGallop
			winsA = s.gallopRight(tmp, a[cursorB], cursorTemp, lengthA, 0)
			if winsA > 0 {
				copy(a[dest:dest+winsA], tmp[cursorTemp:cursorTemp+winsA])
				dest += winsA
				cursorTemp += winsA
				lengthA -= winsA
				if lengthA == 1 {
					copyB()
					return
				}
				if lengthA == 0 {
					succeed()
					return
				}
			}
			a[dest] = a[cursorB]
			dest++
			cursorB++
			lengthB--
			if lengthB == 0 {
				succeed()
				return
			}
			winsB = s.gallopLeft(a, tmp[cursorTemp], cursorB, lengthB, 0)
			if winsB > 0 {
				copy(a[dest:dest+winsB], a[cursorB:cursorB+winsB])
				dest += winsB
				cursorB += winsB
				lengthB -= winsB
				if lengthB == 0 {
					succeed()
					return
				}
			}
			a[dest] = tmp[cursorTemp]
			dest++
			cursorTemp++
			lengthA--
			if lengthA == 1 {
				copyB()
				return
			}
		}
		minGallop++
		s.minGallop = minGallop
	}
}

// mergeHigh merges the adjacent runs A and B (lengthA > lengthB) in place
// from the end, copying B aside.
func (s *sortState) mergeHigh(baseA, lengthA, baseB, lengthB int) {
	a := s.a
	tmp := s.tempArray(lengthB)
	copy(tmp, a[baseB:baseB+lengthB])
	dest, cursorTemp, cursorA := baseB+lengthB-1, lengthB-1, baseA+lengthA-1
	a[dest] = a[cursorA]
	dest--
	cursorA--

	succeed := func() {
		if lengthB > 0 {
			copy(a[dest-(lengthB-1):dest+1], tmp[:lengthB])
		}
	}
	copyA := func() {
		dest -= lengthA
		cursorA -= lengthA
		copy(a[dest+1:dest+1+lengthA], a[cursorA+1:cursorA+1+lengthA])
		a[dest] = tmp[cursorTemp]
	}
	lengthA--
	if lengthA == 0 {
		succeed()
		return
	}
	if lengthB == 1 {
		copyA()
		return
	}
	minGallop := s.minGallop
	for {
		winsA, winsB := 0, 0
		for {
			if s.cmp(tmp[cursorTemp], a[cursorA]) < 0 {
				a[dest] = a[cursorA]
				dest--
				cursorA--
				winsA++
				lengthA--
				winsB = 0
				if lengthA == 0 {
					succeed()
					return
				}
				if winsA >= minGallop {
					break
				}
			} else {
				a[dest] = tmp[cursorTemp]
				dest--
				cursorTemp--
				winsB++
				lengthB--
				winsA = 0
				if lengthB == 1 {
					copyA()
					return
				}
				if winsB >= minGallop {
					break
				}
			}
		}
		minGallop++
		first := true
		for winsA >= minGallopWins || winsB >= minGallopWins || first {
			first = false
			minGallop = max(1, minGallop-1)
			s.minGallop = minGallop
			k := s.gallopRight(a, tmp[cursorTemp], baseA, lengthA, lengthA-1)
			winsA = lengthA - k
			if winsA > 0 {
				dest -= winsA
				cursorA -= winsA
				copy(a[dest+1:dest+1+winsA], a[cursorA+1:cursorA+1+winsA])
				lengthA -= winsA
				if lengthA == 0 {
					succeed()
					return
				}
			}
			a[dest] = tmp[cursorTemp]
			dest--
			cursorTemp--
			lengthB--
			if lengthB == 1 {
				copyA()
				return
			}
			k = s.gallopLeft(tmp, a[cursorA], 0, lengthB, lengthB-1)
			winsB = lengthB - k
			if winsB > 0 {
				dest -= winsB
				cursorTemp -= winsB
				copy(a[dest+1:dest+1+winsB], tmp[cursorTemp+1:cursorTemp+1+winsB])
				lengthB -= winsB
				if lengthB == 1 {
					copyA()
					return
				}
				if lengthB == 0 {
					succeed()
					return
				}
			}
			a[dest] = a[cursorA]
			dest--
			cursorA--
			lengthA--
			if lengthA == 0 {
				succeed()
				return
			}
		}
		minGallop++
		s.minGallop = minGallop
	}
}
