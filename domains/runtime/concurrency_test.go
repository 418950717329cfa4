package runtime

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"
)

// TestConcurrentClients: 20 clients evaluate at once (10 s under -race,
// see race_test.go; 2 s otherwise); every answer is right, and the objects
// they fetch properties of are their own.
func TestConcurrentClients(t *testing.T) {
	tt := startTarget(t, nil)
	const clients = 20
	ctx := ctxT(t)
	deadline := time.Now().Add(concurrentDuration)
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	counts := make([]int, clients)
	for i := 0; i < clients; i++ {
		c := tt.dial(t)
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for n := 0; time.Now().Before(deadline); n++ {
				expr := fmt.Sprintf("({ client: %d, n: %d, sq: %d * %d })", i, n, n, n)
				res, err := c.Call(ctx, "Runtime.evaluate", map[string]any{"expression": expr, "objectGroup": "g"})
				if err != nil {
					errs <- err
					return
				}
				var r struct {
					Result struct {
						ObjectID string `json:"objectId"`
					} `json:"result"`
				}
				json.Unmarshal(res, &r)
				res, err = c.Call(ctx, "Runtime.callFunctionOn", map[string]any{"objectId": r.Result.ObjectID,
					"functionDeclaration": "function () { return [this.client, this.n, this.sq]; }", "returnByValue": true})
				if err != nil {
					errs <- err
					return
				}
				var v struct {
					Result struct {
						Value []int `json:"value"`
					} `json:"result"`
				}
				json.Unmarshal(res, &v)
				if len(v.Result.Value) != 3 || v.Result.Value[0] != i || v.Result.Value[1] != n || v.Result.Value[2] != n*n {
					errs <- fmt.Errorf("client %d step %d: %s", i, n, res)
					return
				}
				if n%50 == 0 {
					if _, err := c.Call(ctx, "Runtime.releaseObjectGroup", map[string]any{"objectGroup": "g"}); err != nil {
						errs <- err
						return
					}
				}
				counts[i]++
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	total := 0
	for _, n := range counts {
		total += n
	}
	t.Logf("%d clients, %d evaluate+callFunctionOn round trips in %v", clients, total, concurrentDuration)
}
