package tui

import (
	"testing"

	"knead/screening"
)

// BenchmarkViewStepScreen renders the step screen at 120×40, the work done
// on every redraw of the countdown.
func BenchmarkViewStepScreen(b *testing.B) {
	m, clock := sessionModel(b, "lumbar-partner", screening.Partner, 120, 40)
	press(m, "n", "3")
	b.ReportAllocs()
	for b.Loop() {
		clock.now = clock.now.Add(1)
		_ = m.View()
	}
}
