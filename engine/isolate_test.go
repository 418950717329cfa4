package engine

import (
	"sync"
	"testing"
)

func TestPostedTasksRunOnTheIsolateInOrder(t *testing.T) {
	iso, err := NewIsolate(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	var got []int
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				iso.Post(func() { got = append(got, g*1000+i) })
			}
		}(g)
	}
	wg.Wait()
	if !iso.InterruptRequested() {
		t.Fatal("no interrupt after Post")
	}
	iso.Post(func() { iso.Post(func() { got = append(got, -1) }) })
	if iso.HandleInterrupts() {
		t.Fatal("termination reported without a request")
	}
	if len(got) != 401 || got[400] != -1 || iso.InterruptRequested() {
		t.Fatalf("%d tasks ran", len(got))
	}
	last := map[int]int{}
	for _, v := range got[:400] {
		if g := v / 1000; v%1000 < last[g] {
			t.Fatal("tasks of one goroutine ran out of order")
		} else {
			last[g] = v % 1000
		}
	}
	select {
	case <-iso.Woken():
	default:
		t.Fatal("idle loop not woken")
	}
}

func TestTerminateExecution(t *testing.T) {
	iso, err := NewIsolate(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	go iso.TerminateExecution()
	for !iso.InterruptRequested() {
	}
	if !iso.HandleInterrupts() {
		t.Fatal("termination not reported")
	}
	if iso.HandleInterrupts() {
		t.Fatal("termination reported twice")
	}
}

// TestNestedInterruptsKeepOrder: a task that runs JavaScript lets the
// tasks queued after it run at its safepoints, in the order they were
// posted, never before a task queued earlier.
func TestNestedInterruptsKeepOrder(t *testing.T) {
	iso, err := NewIsolate(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer iso.Close()
	var order []int
	iso.Post(func() {
		order = append(order, 1)
		// Posted while 1 runs (as a session's command arrives): after 2.
		iso.Post(func() { order = append(order, 3) })
		// A loop with back-edges: its safepoints drain the inbox.
		if _, err := iso.RunScript("for (var i = 0; i < 1000; i++) {}", "spin.js"); err != nil {
			t.Error(err)
		}
	})
	iso.Post(func() { order = append(order, 2) })
	iso.HandleInterrupts()
	if len(order) != 3 || order[0] != 1 || order[1] != 2 || order[2] != 3 {
		t.Fatalf("order %v", order)
	}
}
