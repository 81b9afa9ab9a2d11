package guide

import (
	"fmt"

	"knead/coach"
	"knead/routines"
)

// Begin starts a rehearsal's first step: nothing is massaged, so there is
// no checklist, side or pain to ask. The full screen calls it with its
// first frame.
func (f *Flow) Begin() Reply {
	if !f.rehearsal || f.engine.State().Phase != coach.Preparation {
		return Reply{}
	}
	var r Reply
	for _, e := range []coach.Event{coach.E(coach.Confirm), coach.SideEvent(coach.SideNone), coach.RateEvent(0)} {
		cues, _ := f.engine.Handle(e)
		r.Cues = append(r.Cues, cues...)
	}
	f.speak(r)
	return r
}

// State reads the session or rehearsal; the zero State outside one.
func (f *Flow) State() coach.State {
	if f.engine == nil {
		return coach.State{StepIndex: -1, Baseline: -1, LastPain: -1}
	}
	return f.engine.State()
}

// Summary reads the session's record so far.
func (f *Flow) Summary() coach.Summary {
	if f.engine == nil {
		return coach.Summary{Baseline: -1, Final: -1}
	}
	return f.engine.Summary()
}

// Routine is the routine being run, nil before one is.
func (f *Flow) Routine() *routines.Routine {
	if f.engine == nil {
		return nil
	}
	return f.engine.Routine()
}

// PainBefore is the pain before the start while it waits to be
// confirmed, -1 otherwise.
func (f *Flow) PainBefore() int { return f.painBefore }

// event is the engine event an action stands for in the session's state;
// ok is false for actions that are not engine events.
func (f *Flow) event(a Action) (coach.Event, bool) {
	st := f.engine.State()
	switch a.Kind {
	case Continue:
		switch {
		case st.Prompt == coach.EasePrompt:
			return coach.E(coach.Ack), true
		case st.Prompt == coach.GapPrompt:
			return coach.E(coach.ResumeStep), true
		case st.Prompt == coach.StopPrompt:
			return coach.E(coach.EndSession), true
		case st.Phase == coach.Preparation:
			return coach.E(coach.Confirm), true
		}
	case ChooseSide:
		return coach.SideEvent(a.Side), true
	case Pain:
		return coach.RateEvent(a.Pain), true
	case Warning:
		return coach.E(coach.Warning), true
	case Stop:
		return coach.E(coach.RequestStop), true
	case PauseResume:
		if st.Prompt == coach.EasePrompt {
			return coach.E(coach.Ack), true
		}
		if st.Prompt == coach.GapPrompt {
			return coach.E(coach.ResumeStep), true
		}
		if st.Paused {
			return coach.E(coach.Resume), true
		}
		return coach.E(coach.Pause), true
	case Pause:
		return coach.E(coach.Pause), true
	case Resume:
		return coach.E(coach.Resume), true
	case Next:
		return coach.E(coach.Next), true
	case Back:
		return coach.E(coach.Back), true
	case Extend:
		return coach.E(coach.Extend), true
	case Restart:
		return coach.E(coach.RestartStep), true
	case EndSession:
		return coach.E(coach.EndSession), true
	case FinishGently:
		return coach.E(coach.FinishGently), true
	case Quit:
		return coach.E(coach.Quit), true
	}
	return coach.Event{}, false
}

// confirming says the pain before waits for enter (or u to change it).
func (f *Flow) confirming() bool {
	return f.painBefore >= 0 && f.engine.State().Phase == coach.Baseline && f.engine.State().Prompt == coach.NoPrompt
}

// Valid reports whether an action is taken now.
func (f *Flow) Valid(k ActionKind) bool {
	if k == Interrupt {
		return true
	}
	switch f.stage {
	case Who:
		return k == ChooseWho || k == Quit
	case Settled:
		return k == Answer || k == Quit
	case Screening:
		return k == ScreeningDone || k == Quit || (k == LeaveScreening && f.opts.Mode == "")
	case Result:
		return k == Quit || (k == Continue && f.chosen != nil)
	case Picker:
		return k == ChooseRoutine || k == Quit || (k == LeaveScreening && f.opts.Mode == "")
	case Summary:
		return k == Quit || k == Continue
	case Session:
	default:
		return false
	}
	if f.confirming() {
		return k == Continue || k == Undo || k == Pain || k == Quit || k == Warning
	}
	if k == Undo {
		return false
	}
	a := Action{Kind: k, Pain: 0, Side: coach.Left}
	e, ok := f.event(a)
	return ok && f.engine.Accepts(e)
}

// sessionAction applies an action during the session.
func (f *Flow) sessionAction(a Action) (Reply, error) {
	if f.confirming() {
		switch a.Kind {
		case Undo:
			f.painBefore = -1
			return Reply{Note: "Pain before taken back: give it again."}, nil
		case Pain:
			if a.Pain < 0 || a.Pain > 10 {
				return Reply{}, fmt.Errorf("%w: pain is a number from 0 to 10", ErrNotNow)
			}
			f.painBefore = a.Pain
			return Reply{}, nil // the question shows it, with the way to change it
		case Continue:
			pain := f.painBefore
			f.painBefore = -1
			return f.handle(coach.RateEvent(pain), fmt.Sprintf("Pain %d noted.", pain))
		case Warning:
			// The sign stops the session before it starts; the pain
			// waiting to be confirmed was never a start.
			f.painBefore = -1
		}
	}
	st := f.engine.State()
	if a.Kind == Pain && st.Phase == coach.Baseline && st.Prompt == coach.NoPrompt && !f.rehearsal {
		// The pain before is shown with a moment to correct it.
		if a.Pain < 0 || a.Pain > 10 {
			return Reply{}, fmt.Errorf("%w: pain is a number from 0 to 10", ErrNotNow)
		}
		f.painBefore = a.Pain
		return Reply{}, nil // the question shows it, with the way to change it
	}
	e, ok := f.event(a)
	if !ok {
		return Reply{}, ErrNotNow
	}
	note := ""
	if e.Kind == coach.Rate {
		note = fmt.Sprintf("Pain %d noted.", e.Pain)
	}
	return f.handle(e, note)
}

// handle feeds one event to the engine and records what it logged.
func (f *Flow) handle(e coach.Event, note string) (Reply, error) {
	cues, err := f.engine.Handle(e)
	f.save()
	if err != nil {
		return Reply{Cues: cues}, fmt.Errorf("%w: %v", ErrNotNow, err)
	}
	if f.engine.State().Phase == coach.Done {
		f.stage = Summary
	}
	return Reply{Cues: cues, Note: note}, nil
}

// Tick lets the clock's time reach the engine: cues whose moment has come,
// and the end of a step or the rest.
func (f *Flow) Tick() Reply {
	if f.stage != Session || f.engine == nil {
		return Reply{}
	}
	r, _ := f.handle(coach.E(coach.Tick), "")
	f.speak(r)
	f.note()
	return r
}
