package coach

import (
	"testing"
	"time"
)

// BenchmarkTick measures one tick of a running step: the work the app does
// every frame while the countdown runs.
func BenchmarkTick(b *testing.B) {
	clock := newClock()
	s := started(b, clock)
	b.ReportAllocs()
	for b.Loop() {
		clock.Advance(time.Microsecond)
		s.Handle(E(Tick))
		if s.State().Phase != Step {
			b.Fatal("step ended")
		}
	}
}

// BenchmarkEvent measures a pause and a resume, the commonest key presses.
func BenchmarkEvent(b *testing.B) {
	clock := newClock()
	s := started(b, clock)
	b.ReportAllocs()
	for b.Loop() {
		clock.Advance(time.Microsecond)
		s.Handle(E(Pause))
		s.Handle(E(Resume))
	}
}

// BenchmarkState measures reading the state, done on every render.
func BenchmarkState(b *testing.B) {
	clock := newClock()
	s := started(b, clock)
	b.ReportAllocs()
	for b.Loop() {
		_ = s.State()
	}
}
