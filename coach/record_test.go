package coach

import (
	"strings"
	"testing"
	"time"
)

// TestTheRecordSaysWhatHappened: pain before and after are only what was
// given, an interrupt is recorded as such, and "completed" means every step
// ran to its end.
func TestTheRecordSaysWhatHappened(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		events   []Event
		run      time.Duration // clock time let run after the events, in ticks
		outcome  Outcome
		baseline int
		final    int
		done     int
		skipped  int
	}{
		{"quit at the checklist", []Event{E(Quit)}, 0, EndedByUser, -1, -1, 0, 0},
		{"interrupted at the side", []Event{E(Confirm), E(Interrupt)}, 0, Interrupted, -1, -1, 0, 0},
		{"interrupted at the pain before", []Event{E(Confirm), SideEvent(Left), E(Interrupt)}, 0, Interrupted, -1, -1, 0, 0},
		{"interrupted in the first step", []Event{E(Confirm), SideEvent(Left), RateEvent(3), E(Interrupt)}, 0, Interrupted, 3, -1, 0, 0},
		{"interrupted after a check-in", []Event{E(Confirm), SideEvent(Left), RateEvent(3), E(Next), RateEvent(2), E(Interrupt)}, 0, Interrupted, 3, 2, 0, 1},
		{"every step skipped", []Event{E(Confirm), SideEvent(Left), RateEvent(3), E(Next), RateEvent(3), E(Next), RateEvent(3), E(Next), RateEvent(3), E(Next), RateEvent(2)}, 0, Shortened, 3, 2, 0, 3},
	}
	for _, c := range cases {
		clock := newClock()
		s := newSession(t, testRoutine(), clock)
		must(t, s, c.events...)
		sum := s.Summary()
		if sum.Outcome != c.outcome || sum.Baseline != c.baseline || sum.Final != c.final || sum.StepsCompleted != c.done || sum.StepsSkipped != c.skipped {
			t.Errorf("%s: outcome %s, pain %d → %d, %d done, %d skipped; want %s, %d → %d, %d, %d",
				c.name, sum.Outcome, sum.Baseline, sum.Final, sum.StepsCompleted, sum.StepsSkipped, c.outcome, c.baseline, c.final, c.done, c.skipped)
		}
	}
}

func TestEveryStepRunToItsEndCompletes(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s := started(t, clock)
	for i := 0; i < 3; i++ {
		advance(t, s, clock, s.State().Remaining)
		must(t, s, RateEvent(3))
	}
	must(t, s, E(Extend), E(Next), RateEvent(3))
	if sum := s.Summary(); sum.Outcome != Completed || sum.StepsCompleted != 3 || sum.StepsSkipped != 0 {
		t.Fatalf("summary %+v", sum)
	}
}

// TestAGentleFinishIsRecordedAsStopped: a stop, then finishing gently, is
// a stopped session that finished gently, with its pain-stop flag.
func TestAGentleFinishIsRecordedAsStopped(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s := started(t, clock)
	must(t, s, RateEvent(5), E(FinishGently))
	advance(t, s, clock, s.State().Remaining)
	must(t, s, RateEvent(3), E(Next), RateEvent(4))
	sum := s.Summary()
	if sum.Outcome != Stopped || !sum.FinishedGently || !sum.PainStop || !strings.Contains(sum.StopReason, "from 3 to 5") {
		t.Fatalf("summary %+v", sum)
	}
	if sum.StepsCompleted != 0 {
		t.Errorf("%d steps done: the gentle finish is not one of the routine's steps", sum.StepsCompleted)
	}
	// The plan was the routine's steps, not the ones run before the stop
	// and the gentle step that replaced the rest.
	if want := len(testRoutine().Steps); sum.StepsPlanned != want {
		t.Errorf("%d steps planned, want the routine's %d", sum.StepsPlanned, want)
	}
	if !sum.Facts().PausesCourse() {
		t.Fatal("a stop for pain does not pause the course")
	}
}

// Quitting during the gentle finish keeps the session stopped.
func TestQuittingTheGentleFinishIsStopped(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s := started(t, clock)
	must(t, s, RateEvent(5), E(FinishGently), E(Quit))
	if sum := s.Summary(); sum.Outcome != Stopped || !sum.FinishedGently {
		t.Fatalf("summary %+v", sum)
	}
}

// A second stop during the gentle finish means it did not finish gently.
func TestAStopDuringTheGentleFinishIsNotAGentleFinish(t *testing.T) {
	t.Parallel()
	clock := newClock()
	s := started(t, clock)
	must(t, s, E(RequestStop), E(FinishGently), E(RequestStop), E(EndSession))
	if sum := s.Summary(); sum.Outcome != Stopped || sum.FinishedGently {
		t.Fatalf("summary %+v", sum)
	}
}

func TestWhatPausesTheCourse(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		f    Facts
		want bool
	}{
		{Facts{Outcome: Completed, Baseline: 3, Final: 2}, false},
		{Facts{Outcome: Completed, Baseline: 3, Final: 3}, false},
		{Facts{Outcome: Completed, Baseline: 3, Final: 4}, true},
		{Facts{Outcome: Stopped, StopReason: "you asked to stop", Baseline: 3, Final: -1}, false},
		{Facts{Outcome: Stopped, PainStop: true, Baseline: 3, Final: 5}, true},
		{Facts{Outcome: Stopped, WarningSign: true, Baseline: 3, Final: 2}, true},
		{Facts{Outcome: Interrupted, Baseline: -1, Final: -1}, false},
	} {
		if got := c.f.PausesCourse(); got != c.want {
			t.Errorf("%+v: pauses %v, want %v", c.f, got, c.want)
		}
		advice := strings.Join(Advise(c.f), " ")
		if c.f.WarningSign && !strings.Contains(advice, "doctor") {
			t.Errorf("%+v: a warning sign without a doctor: %q", c.f, advice)
		}
		if c.want && !strings.Contains(advice, "settled") && !strings.Contains(advice, "pause the course") && !strings.Contains(advice, "doctor") {
			t.Errorf("%+v: the course pauses but the advice does not say so: %q", c.f, advice)
		}
	}
}
