package coach

import (
	"testing"
	"time"

	"knead/routines"
	"knead/screening"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time          { return c.now }
func (c *fakeClock) Advance(d time.Duration) { c.now = c.now.Add(d) }

var start = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

func newClock() *fakeClock { return &fakeClock{now: start} }

func clearance(level screening.Level, mode screening.Mode) screening.Clearance {
	c := screening.Clearance{Level: level, For: mode, GivenAt: start}
	if level == screening.Gentle {
		c.Reasons = []screening.Reason{{Question: "osteoporosis", Label: "osteoporosis", Level: screening.Gentle}}
	}
	return c
}

// testRoutine has three steps: plain, with a side switch, and with a tempo.
func testRoutine() *routines.Routine {
	return &routines.Routine{
		ID: "test", Title: "Test", For: routines.ForBoth, Area: routines.AreaLumbar,
		Steps: []routines.Step{
			{Title: "One", Technique: routines.Stroking, Zone: routines.ZoneLumbar, Duration: 60 * time.Second, Intensity: routines.Gentle, Cue: "one"},
			{Title: "Two", Technique: routines.Rubbing, Zone: routines.ZoneLumbar, Duration: 40 * time.Second, Intensity: routines.Gentle, Cue: "two", SwitchSides: true},
			{Title: "Three", Technique: routines.Stroking, Zone: routines.ZoneLumbar, Duration: 30 * time.Second, Intensity: routines.Gentle, Cue: "three", Tempo: 6 * time.Second, Passes: &routines.Passes{Min: 4, Max: 5}},
		},
		Aftercare: routines.Aftercare{Rest: 10 * time.Minute},
	}
}

// newSession builds a session at full dose (third session of a course).
func newSession(t testing.TB, r *routines.Routine, clock Clock) *Session {
	t.Helper()
	s, err := New(r, clearance(screening.Clear, screening.Self), clock, Options{SessionNumber: 3})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// must applies events that must be accepted.
func must(t testing.TB, s *Session, events ...Event) []Cue {
	t.Helper()
	var all []Cue
	for _, e := range events {
		cues, err := s.Handle(e)
		if err != nil {
			t.Fatalf("%s: %v", e, err)
		}
		all = append(all, cues...)
	}
	return all
}

// started returns a session running its first step, baseline pain 3.
func started(t testing.TB, clock *fakeClock) *Session {
	t.Helper()
	s := newSession(t, testRoutine(), clock)
	must(t, s, E(Confirm), SideEvent(Left), RateEvent(3))
	return s
}

// advance moves the clock in one-second ticks.
func advance(t testing.TB, s *Session, clock *fakeClock, d time.Duration) []Cue {
	t.Helper()
	var cues []Cue
	for ; d > 0; d -= time.Second {
		step := min(d, time.Second)
		clock.Advance(step)
		cues = append(cues, must(t, s, E(Tick))...)
	}
	return cues
}

func kinds(cues []Cue) []CueKind {
	out := make([]CueKind, len(cues))
	for i, c := range cues {
		out[i] = c.Kind
	}
	return out
}

func hasCue(cues []Cue, k CueKind) bool {
	for _, c := range cues {
		if c.Kind == k {
			return true
		}
	}
	return false
}
