package stdlib

import (
	"sync"

	"github.com/asylang/asy/runtime"
)

// Sockets a loop's transports and servers own are closed when the loop
// closes: their goroutines, parked on the poller, then end, and an
// embedder's process keeps no descriptor a finished script left open
// (CPython closes such transports when they are collected).

type sockSet struct {
	mu    sync.Mutex
	socks map[*netSock]struct{}
	done  bool
}

var loopSocks sync.Map // *runtime.Loop → *sockSet

// trackSock registers s with l (loop thread or goroutine).
func trackSock(l *runtime.Loop, s *netSock) {
	v, loaded := loopSocks.LoadOrStore(l, &sockSet{socks: map[*netSock]struct{}{}})
	set := v.(*sockSet)
	if !loaded {
		go func() {
			<-l.CloseNotify()
			set.mu.Lock()
			set.done = true
			socks := set.socks
			set.socks = nil
			set.mu.Unlock()
			loopSocks.Delete(l)
			for s := range socks {
				s.closeAsync()
			}
		}()
	}
	set.mu.Lock()
	if set.done {
		set.mu.Unlock()
		s.closeAsync()
		return
	}
	set.socks[s] = struct{}{}
	set.mu.Unlock()
}

// untrackSock forgets s (it was closed by its owner).
func untrackSock(l *runtime.Loop, s *netSock) {
	if v, ok := loopSocks.Load(l); ok {
		set := v.(*sockSet)
		set.mu.Lock()
		delete(set.socks, s)
		set.mu.Unlock()
	}
}
