// Command jobrunner shows asy embedded in a Go program: a script
// orchestrates concurrent "HTTP fetches" that Go performs — each fetch is a
// Go-side awaitable running in its own goroutine — against a local test
// server, with a concurrency limit, a per-job timeout and retries written in
// the script.
//
//	go run ./examples/jobrunner
package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/asylang/asy"
)

// script is the orchestration, in the script language.
const script = `
import asyncio

async def run_job(sem, job_id):
    async with sem:
        for attempt in range(1, 4):
            try:
                body = await asyncio.wait_for(fetch(f"/job/{job_id}"), timeout=0.5)
                return job_id, attempt, body
            except TimeoutError:
                log(f"job {job_id}: attempt {attempt} timed out")
            except RuntimeError as e:
                log(f"job {job_id}: attempt {attempt} failed: {e}")
        return job_id, None, "gave up"

async def main():
    sem = asyncio.Semaphore(limit)
    results = await asyncio.gather(*(run_job(sem, j) for j in jobs))
    for job_id, attempts, body in sorted(results):
        print(f"job {job_id:2}: {body} (attempts: {attempts})")
    ok = sum(1 for _, a, _ in results if a)
    print(f"{ok}/{len(results)} jobs done")

asyncio.run(main())
`

// newServer answers /job/N after a short delay; job 7 fails once, job 9 is
// too slow on its first attempt.
func newServer() *httptest.Server {
	seen := map[int]int{}
	mu := make(chan struct{}, 1)
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/job/"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		mu <- struct{}{}
		seen[id]++
		n := seen[id]
		<-mu
		switch {
		case id == 7 && n == 1:
			http.Error(w, "flaky", http.StatusServiceUnavailable)
			return
		case id == 9 && n == 1:
			select {
			case <-time.After(2 * time.Second):
			case <-r.Context().Done():
				return
			}
		default:
			time.Sleep(time.Duration(20+id*5) * time.Millisecond)
		}
		fmt.Fprintf(w, "result-%d", id*id)
	}))
}

// run wires the script to Go and runs it.
func run(out io.Writer, baseURL string, jobs []int, limit int) error {
	client := &http.Client{}
	fetch, err := asy.NewAsync(func(ctx context.Context, path string) (string, error) {
		req, err := http.NewRequestWithContext(ctx, "GET", baseURL+path, nil)
		if err != nil {
			return "", err
		}
		resp, err := client.Do(req)
		if err != nil {
			return "", err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			return "", err
		}
		if resp.StatusCode != http.StatusOK {
			return "", fmt.Errorf("HTTP %d", resp.StatusCode)
		}
		return string(body), nil
	})
	if err != nil {
		return err
	}
	logf := func(msg string) { fmt.Fprintln(os.Stderr, msg) }
	in, err := asy.New(asy.Options{Stdout: out, Globals: map[string]any{
		"fetch": fetch.Named("fetch"),
		"log":   logf,
		"jobs":  jobs,
		"limit": limit,
	}})
	if err != nil {
		return err
	}
	defer in.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return in.Exec(ctx, "jobs.py", script)
}

func main() {
	srv := newServer()
	defer srv.Close()
	start := time.Now()
	if err := run(os.Stdout, srv.URL, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 4); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "took %.2fs\n", time.Since(start).Seconds())
}
