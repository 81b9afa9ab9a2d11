package guide

import (
	"testing"
	"time"

	"pgregory.net/rapid"

	"knead/coach"
	"knead/routines"
	"knead/screening"
)

type testClock struct{ now time.Time }

func (c *testClock) Now() time.Time { return c.now }

var testStart = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

// randomAction draws any action the faces can send, valid now or not.
func randomAction(t *rapid.T, f *Flow, lib *routines.Library) Action {
	all := lib.All()
	kinds := []ActionKind{Continue, Continue, ChooseWho, Answer, ScreeningDone, LeaveScreening, ChooseRoutine, ChooseSide,
		Pain, Pain, Pain, Pain, Undo, Warning, Stop, PauseResume, Pause, Resume, Next, Next, Next, Back, Extend, Restart,
		EndSession, FinishGently}
	if rapid.IntRange(0, 60).Draw(t, "quit") == 29 {
		return Act(Quit)
	}
	if f.Stage() == Session && rapid.Bool().Draw(t, "progress") {
		switch st := f.State(); st.Phase {
		case coach.Preparation:
			return Act(Continue)
		case coach.PainfulSide:
			return Action{Kind: ChooseSide, Side: rapid.SampledFrom([]coach.Side{coach.Left, coach.Right, coach.SideBoth, coach.SideNone}).Draw(t, "side")}
		case coach.Baseline:
			if f.PainBefore() >= 0 {
				return Act(Continue)
			}
			return PainAction(rapid.IntRange(0, 8).Draw(t, "pain before"))
		case coach.Step, coach.Rest:
			return Act(Next)
		case coach.CheckIn, coach.FinalPain:
			return PainAction(rapid.IntRange(0, 10).Draw(t, "pain now"))
		}
	}
	a := Action{Kind: rapid.SampledFrom(kinds).Draw(t, "kind")}
	switch f.Stage() {
	case Who:
		a.Kind = ChooseWho
	case Picker:
		if allowed := f.Allowed(); len(allowed) > 0 && rapid.Bool().Draw(t, "pick allowed") {
			return Action{Kind: ChooseRoutine, Routine: allowed[rapid.IntRange(0, len(allowed)-1).Draw(t, "allowed")]}
		}
	}
	switch a.Kind {
	case ChooseWho:
		a.Mode = rapid.SampledFrom([]screening.Mode{screening.Self, screening.Partner, ""}).Draw(t, "mode")
	case Answer:
		a.Yes = rapid.Bool().Draw(t, "yes")
	case ChooseRoutine:
		a.Routine = all[rapid.IntRange(0, len(all)-1).Draw(t, "routine")]
	case ChooseSide:
		a.Side = rapid.SampledFrom([]coach.Side{coach.Left, coach.Right, coach.SideBoth, coach.SideNone, "up"}).Draw(t, "side")
	case Pain:
		a.Pain = rapid.IntRange(-1, 11).Draw(t, "pain")
	}
	return a
}

// answerWalk answers the current screening question at random: mostly
// the answer that allows massage, sometimes any answer.
func answerWalk(t *rapid.T, w *screening.Walk) {
	if w.Confirming() {
		w.Confirm(rapid.Bool().Draw(t, "unchanged"))
		return
	}
	x := w.Current()
	if x == nil {
		return
	}
	if x.Type == screening.Number {
		w.Answer(screening.NumberAnswer(rapid.IntRange(0, 400).Draw(t, "days")))
		return
	}
	opts := x.Options()
	o := opts[rapid.IntRange(0, len(opts)-1).Draw(t, "option")]
	if rapid.IntRange(0, 99).Draw(t, "clear") != 37 { // rapid favours the ends of a range
		o = clearOption(x)
	}
	w.AnswerText(o.Value)
}

// clearOption is x's first answer that neither limits nor locks, no
// before yes.
func clearOption(x *screening.Question) screening.Option {
	opts := x.Options()
	if x.Type == screening.YesNo {
		opts = []screening.Option{opts[1], opts[0]}
	}
	for _, o := range opts {
		if (o.Level == "" || o.Level == screening.Clear) && !(o.Value == "yes" && x.Locks != "") {
			return o
		}
	}
	return opts[0]
}

// TestFlowInvariants: from any state, any action keeps the flow's promises.
func TestFlowInvariants(t *testing.T) {
	lib, err := routines.BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	rapid.Check(t, func(t *rapid.T) {
		clock := &testClock{now: testStart}
		f, err := New(Options{Library: lib, Questions: screening.Default(), Clock: clock, SessionNumber: 3})
		if err != nil {
			t.Fatal(err)
		}
		gentleSince := time.Time{}
		for i := 0; i < 300 && f.Stage() != Ended; i++ {
			before := f.State()
			stageBefore := f.Stage()
			switch choice := rapid.IntRange(0, 9).Draw(t, "what"); {
			case f.Stage() == Screening && choice < 9:
				answerWalk(t, f.Walk())
				if f.Walk().Done() {
					f.Do(Act(ScreeningDone))
				}
				continue
			case choice == 0:
				clock.now = clock.now.Add(time.Duration(rapid.IntRange(0, 90).Draw(t, "seconds")) * time.Second)
				f.Tick()
			case choice == 1 && rapid.IntRange(0, 20).Draw(t, "interrupt") == 11:
				f.Do(Action{Kind: Interrupt, Status: 130})
			default:
				a := randomAction(t, f, lib)
				f.Do(a)
				st := f.State()
				checkStopRule(t, a, before, st, f, stageBefore)
			}
			st := f.State()
			// No running step without a clearance from today that allows
			// the routine.
			if st.Phase == coach.Step && f.Stage() == Session {
				c := f.Clearance()
				if ok, why := c.Allows(f.Routine()); !ok || !c.ValidAt(clock.now) {
					t.Fatalf("a step runs without a clearance that allows %s: %s", f.Routine().ID, why)
				}
			}
			// No step time elapses under the stop prompt.
			if before.Prompt == coach.StopPrompt && st.Prompt == coach.StopPrompt && st.Remaining != before.Remaining {
				t.Fatalf("the clock ran under the stop prompt: %s → %s", before.Remaining, st.Remaining)
			}
			// The gentle finish lasts at most three minutes.
			if st.FinishingGently && st.Phase == coach.Step {
				if gentleSince.IsZero() {
					gentleSince = clock.now
				}
				if st.Total > coach.MaxFinishGently {
					t.Fatalf("the gentle finish is %s long", st.Total)
				}
			}
		}
		// Interrupting now leaves the session recorded as what happened.
		hadSession := f.Routine() != nil && f.State().Phase != coach.Done
		f.Do(Action{Kind: Interrupt, Status: 130})
		if f.Stage() != Ended {
			t.Fatalf("an interrupt did not end the run: stage %d", f.Stage())
		}
		if hadSession {
			if out := f.Summary().Outcome; out != coach.Interrupted && out != coach.Stopped {
				t.Fatalf("an interrupted session was recorded as %q", out)
			}
		}
	})
}

// checkStopRule: a rating that meets the stop rule, or a warning sign,
// given while a person is massaged reaches the stop prompt at once (or,
// after the last step, ends the session as stopped).
func checkStopRule(t *rapid.T, a Action, before, st coach.State, f *Flow, stageBefore Stage) {
	if stageBefore != Session || before.Baseline < 0 || f.Rehearsal() {
		return
	}
	massaged := before.Phase == coach.Step || before.Phase == coach.CheckIn || before.Phase == coach.Rest || before.Phase == coach.FinalPain
	if !massaged {
		return
	}
	stops := a.Kind == Warning
	if a.Kind == Pain && a.Pain >= 0 && a.Pain <= 10 && before.Phase != coach.FinalPain {
		rise := a.Pain - before.Baseline
		stops = rise >= 2 || a.Pain >= coach.SeverePain || (f.Clearance().Level == screening.Gentle && rise >= 1)
	}
	if !stops {
		return
	}
	if st.Prompt != coach.StopPrompt && !(st.Phase == coach.Done && f.Summary().Outcome == coach.Stopped) {
		t.Fatalf("%+v in %s did not stop: prompt %s, phase %s", a, before.Phase, st.Prompt, st.Phase)
	}
	if st.Prompt == coach.StopPrompt && st.CanFinishGently && (a.Kind == Warning || a.Pain >= coach.SeverePain || a.Pain-before.Baseline >= 3) {
		t.Fatalf("finishing gently still offered after %+v", a)
	}
}
