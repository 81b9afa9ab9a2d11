package coach

import (
	"testing"
	"time"

	"pgregory.net/rapid"

	"knead/routines"
	"knead/screening"
)

// drawRoutine makes a random valid-looking routine.
func drawRoutine(t *rapid.T) *routines.Routine {
	n := rapid.IntRange(1, 5).Draw(t, "steps")
	r := &routines.Routine{ID: "random", For: routines.ForBoth, Area: routines.AreaLumbar,
		Aftercare: routines.Aftercare{Rest: time.Duration(rapid.IntRange(30, 600).Draw(t, "rest")) * time.Second}}
	for i := 0; i < n; i++ {
		st := routines.Step{
			Title:       "step",
			Technique:   routines.Stroking,
			Zone:        routines.ZoneLumbar,
			Duration:    time.Duration(rapid.IntRange(5, 300).Draw(t, "duration")) * time.Second,
			Intensity:   rapid.SampledFrom([]routines.Intensity{routines.Gentle, routines.Moderate, routines.Firm}).Draw(t, "intensity"),
			Cue:         "cue",
			SwitchSides: rapid.Bool().Draw(t, "switch"),
		}
		if rapid.Bool().Draw(t, "has tempo") {
			st.Tempo = time.Duration(rapid.IntRange(1, 10).Draw(t, "tempo")) * time.Second
		}
		r.Steps = append(r.Steps, st)
	}
	return r
}

// TestPropertyActiveTimeIsExact drives random pauses, resumes, extends,
// prompts, suspend gaps and irregular ticks through whole sessions. The time
// spent in running steps must equal the planned time plus the extends, to
// the nanosecond: paused, prompt and gap time never counts, and there is no
// drift.
func TestPropertyActiveTimeIsExact(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := drawRoutine(t)
		clock := newClock()
		c := screening.Clearance{Level: screening.Clear, For: screening.Self, GivenAt: start}
		s, err := New(r, c, clock, Options{SessionNumber: rapid.IntRange(1, 4).Draw(t, "session")})
		if err != nil {
			t.Fatal(err)
		}
		base := rapid.IntRange(0, 5).Draw(t, "baseline")
		mustR(t, s, E(Confirm), SideEvent(Left), RateEvent(base))
		var stepExtends, restExtends time.Duration
		for i := 0; s.State().Phase != Done && i < 20000; i++ {
			st := s.State()
			switch {
			case st.Prompt == GapPrompt:
				mustR(t, s, E(ResumeStep))
			case st.Prompt == EasePrompt:
				clock.Advance(drawDelay(t))
				mustR(t, s, E(Ack))
			case st.Phase == CheckIn || st.Phase == FinalPain:
				pain := rapid.IntRange(0, base+1).Draw(t, "check-in")
				mustR(t, s, RateEvent(pain))
			default:
				// rapid favours small numbers: ticks are the common case.
				action := rapid.IntRange(0, 59).Draw(t, "action")
				switch {
				case action == 50 && !st.Paused:
					mustR(t, s, E(Pause))
				case action == 51 && st.Paused:
					mustR(t, s, E(Resume))
				case action == 59:
					mustR(t, s, E(Extend))
					if st.Phase == Step {
						stepExtends += ExtendBy
					} else {
						restExtends += ExtendBy
					}
				case action == 52 && st.Phase == Step:
					mustR(t, s, RateEvent(rapid.IntRange(0, base+1).Draw(t, "pain")))
				case action == 53:
					clock.Advance(time.Duration(rapid.IntRange(6, 3600).Draw(t, "gap")) * time.Second)
					mustR(t, s, E(Tick))
				case st.Paused:
					clock.Advance(drawDelay(t))
					mustR(t, s, E(Resume))
				default:
					clock.Advance(drawDelay(t))
					mustR(t, s, E(Tick))
				}
			}
		}
		if s.State().Phase != Done {
			t.Fatalf("session did not finish within the event budget: %+v", s.State())
		}
		sum := s.Summary()
		var planned time.Duration
		for _, st := range s.Steps() {
			planned += st.Duration
		}
		if sum.Active != planned+stepExtends {
			t.Fatalf("active %s, planned %s + extends %s", sum.Active, planned, stepExtends)
		}
		if sum.Rest != r.Aftercare.Rest+restExtends {
			t.Fatalf("rest %s, planned %s + extends %s", sum.Rest, r.Aftercare.Rest, restExtends)
		}
	})
}

// drawDelay is a tick interval: usually under a second, sometimes late,
// never a suspend (at most MaxGap).
func drawDelay(t *rapid.T) time.Duration {
	switch rapid.IntRange(0, 3).Draw(t, "delay kind") {
	case 0:
		return time.Second
	case 1:
		return time.Duration(rapid.IntRange(1, 5000).Draw(t, "delay ms")) * time.Millisecond
	case 2:
		return MaxGap
	}
	return time.Duration(rapid.Int64Range(1, int64(MaxGap)).Draw(t, "delay ns"))
}

func mustR(t *rapid.T, s *Session, events ...Event) {
	for _, e := range events {
		if _, err := s.Handle(e); err != nil {
			t.Fatalf("%s refused in %+v: %v", e, s.State(), err)
		}
	}
}

// anyKind is every event but Quit, which ends a session at once and so is
// drawn rarely on its own.
var anyKind = []EventKind{Tick, Confirm, ChooseSide, Rate, Warning, Pause, Resume, Next, Back, Extend, RequestStop, Ack, EndSession, FinishGently, ResumeStep, RestartStep}

// drawEvent picks the event a person would most likely give now, or often
// any event at all, so that deep states are reached and odd orders tried.
func drawEvent(t *rapid.T, st State) Event {
	// rapid favours small and edge values; the rare branches sit in the
	// middle of the range so that they stay rare.
	choice := rapid.IntRange(0, 999).Draw(t, "choice")
	pain := func() int { return rapid.IntRange(-1, 11).Draw(t, "pain") }
	switch {
	case choice == 537:
		return E(Quit)
	case choice >= 400 && choice < 480:
		e := Event{Kind: rapid.SampledFrom(anyKind).Draw(t, "kind")}
		switch e.Kind {
		case Rate:
			e.Pain = pain()
		case ChooseSide:
			e.Side = rapid.SampledFrom([]Side{Left, Right, SideBoth, SideNone, "up"}).Draw(t, "side")
		}
		return e
	}
	switch {
	case st.Prompt == StopPrompt && st.CanFinishGently && choice < 300:
		return E(FinishGently)
	case st.FinishingGently && choice >= 600 && choice < 700:
		// Try to stretch the gentle finish past its limit.
		return E(rapid.SampledFrom([]EventKind{Extend, Back, RestartStep}).Draw(t, "stretch"))
	case st.Prompt == GapPrompt:
		return E(ResumeStep)
	case st.Prompt == EasePrompt:
		return E(Ack)
	case st.Phase == Preparation:
		return E(Confirm)
	case st.Phase == PainfulSide:
		return SideEvent(Right)
	case st.Phase == Baseline || st.Phase == CheckIn || st.Phase == FinalPain:
		return RateEvent(pain())
	case choice >= 300 && choice < 400:
		return RateEvent(pain())
	}
	return E(Tick)
}

// TestPropertySafety throws any event at any moment, with any clock jumps,
// and checks the safety rules after each one:
//   - a rating that meets the stop rule (a rise of 2, or of 1 under a
//     gentle clearance, or 7 and more), or a warning sign, opens the stop
//     prompt at once, and no step time elapses under it;
//   - after a stop, no step runs again unless the user chose to finish
//     gently;
//   - under a gentle clearance, no step that runs is anything but gentle;
//   - remaining time stays within the step.
func TestPropertySafety(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := drawRoutine(t)
		gentleOnly := rapid.Bool().Draw(t, "gentle clearance")
		c := screening.Clearance{Level: screening.Clear, For: screening.Partner, GivenAt: start}
		if gentleOnly {
			c.Level = screening.Gentle
			c.Reasons = []screening.Reason{{Question: "hernia-approved", Label: "disc hernia", Level: screening.Gentle}}
		}
		clock := newClock()
		s, err := New(r, c, clock, Options{SessionNumber: rapid.IntRange(1, 3).Draw(t, "session")})
		if gentleOnly && !r.Gentle() {
			if err == nil {
				t.Fatal("a non-gentle routine was allowed under a gentle clearance")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		stopped := false
		finishFrom := time.Duration(-1) // massage time when the gentle finish began
		for i := 0; i < 1000 && s.State().Phase != Done; i++ {
			before := s.State()
			if rapid.IntRange(0, 99).Draw(t, "jump") == 57 {
				clock.Advance(time.Duration(rapid.Int64Range(0, int64(8*time.Second)).Draw(t, "advance")))
			} else {
				clock.Advance(time.Second)
			}
			e := drawEvent(t, before)
			_, err := s.Handle(e)
			after := s.State()
			accepted := err == nil && e.Kind != Tick
			if accepted && e.Kind == FinishGently {
				stopped = false
			}
			inMassage := before.Phase == Step || before.Phase == CheckIn || before.Phase == Rest || before.Phase == Baseline
			if accepted && inMassage {
				// Under a gentle clearance any rise stops; under a clear
				// one a rise of 2.
				maxRise := 2
				if gentleOnly {
					maxRise = 1
				}
				meets := e.Kind == Warning || (e.Kind == Rate && (e.Pain >= SeverePain || (before.Phase != Baseline && e.Pain-before.Baseline >= maxRise)))
				if meets && after.Prompt != StopPrompt {
					t.Fatalf("%s from %s/%s (baseline %d) did not reach the stop prompt: %s/%s", e, before.Phase, before.Prompt, before.Baseline, after.Phase, after.Prompt)
				}
				// A rise of 3, a rating of 7 or a warning sign withdraws
				// finishing gently, also under the stop prompt.
				severe := e.Kind == Warning || (e.Kind == Rate && before.Phase != Baseline && (e.Pain >= SeverePain || e.Pain-before.Baseline >= 3))
				if severe && after.CanFinishGently {
					t.Fatalf("%s from %s/%s (baseline %d) still offers finishing gently", e, before.Phase, before.Prompt, before.Baseline)
				}
			}
			if after.Prompt == StopPrompt {
				stopped = true
				if !after.Frozen {
					t.Fatal("the clock runs under the stop prompt")
				}
				clock.Advance(time.Minute)
				if _, err := s.Handle(E(Tick)); err != nil || s.State().Remaining != after.Remaining {
					t.Fatalf("step time elapsed under the stop prompt: %s → %s", after.Remaining, s.State().Remaining)
				}
			}
			if after.Phase == Step && !after.Frozen && stopped {
				t.Fatal("a step runs after a stop without finishing gently")
			}
			if after.Phase == Step && gentleOnly && after.Step.Intensity != routines.Gentle {
				t.Fatalf("a %s step runs under a gentle clearance", after.Step.Intensity)
			}
			if after.FinishingGently && finishFrom < 0 {
				finishFrom = s.Summary().Active - after.Elapsed
			}
			if ran := s.Summary().Active - finishFrom; finishFrom >= 0 && ran > MaxFinishGently {
				t.Fatalf("the gentle finish ran %s, more than %s", ran, MaxFinishGently)
			}
			if after.Remaining < 0 || (after.Total > 0 && after.Remaining > after.Total) {
				t.Fatalf("remaining %s outside 0..%s", after.Remaining, after.Total)
			}
		}
	})
}
