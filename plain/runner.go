package plain

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"knead/coach"
	"knead/guide"
)

// runner draws the flow as lines and turns typed lines into its actions.
type runner struct {
	p          *Prompter
	f          *guide.Flow
	lastMinute int
	// quitAsked is set while "end the session now?" waits for its answer;
	// heldClock when asking it paused the clock.
	quitAsked, heldClock bool
}

// askQuit asks before quitting, as the full screen does, holding the clock
// while the question waits.
func (r *runner) askQuit() {
	r.quitAsked = true
	if st := r.f.State(); !st.Paused && r.f.Valid(guide.Pause) {
		r.do(guide.Act(guide.Pause))
		r.heldClock = r.f.State().Paused
	}
	r.p.Say("End the %s now? Type y to end it; anything else keeps going.", r.f.Kind())
}

// answerQuit takes the answer to askQuit.
func (r *runner) answerQuit(s string) {
	r.quitAsked = false
	if strings.EqualFold(strings.TrimSpace(s), "y") {
		r.heldClock = false
		r.do(guide.Act(guide.Quit))
		return
	}
	if r.heldClock {
		r.heldClock = false
		r.do(guide.Act(guide.Resume))
		r.p.Say("Going on: %s left.", clock(r.f.State().Remaining))
		return
	}
	r.p.Say("Going on.")
}

// show prints what an action produced: a line per cue, and the
// acknowledgement.
func (r *runner) show(rep guide.Reply, err ...error) {
	sayCues(r.p, rep.Cues, r.f.Partner())
	if r.f.Options().Bell {
		r.p.Bells(guide.Bells(rep.Cues))
	}
	for _, c := range rep.Cues {
		if c.Kind == coach.CueStepStart || c.Kind == coach.CueRestStart {
			r.lastMinute = c.Duration / 60
		}
	}
	if rep.Note != "" {
		r.p.Say("%s", rep.Note)
	}
	if news := r.f.SavingNews(); news != "" {
		r.p.Say("%s", news)
	}
	for _, e := range err {
		if e != nil {
			r.p.Say("  (%s)", e)
		}
	}
}

// do applies an action and shows its reply.
func (r *runner) do(a guide.Action) {
	rep, err := r.f.Do(a)
	r.show(rep, err)
}

// session runs the session stage until it ends, or the input ends at a
// prompt.
func (r *runner) session() error {
	for r.f.Stage() == guide.Session {
		st := r.f.State()
		q := r.f.Question()
		var err error
		switch {
		case r.quitAsked:
			// The quit question was the last thing said: its answer comes
			// next, not the question it interrupted.
			err = r.p.Ask("", func(s string) error {
				r.answerQuit(s)
				return nil
			})
		case st.Prompt == coach.StopPrompt:
			err = r.askStop(st)
		case st.Prompt == coach.EasePrompt:
			// The question says it once; the cue's own words would repeat it.
			err = r.p.Ask(q+" "+r.f.EaseAdvice()+" Press enter to go on, s to stop.", r.lineOr(guide.Continue))
		case st.Prompt == coach.GapPrompt:
			err = r.p.Ask(q+" Press enter to resume, r to restart the step.", r.lineOr(guide.Continue))
		case st.Phase == coach.Preparation:
			rt := r.f.Routine()
			r.p.Say("Routine: %s. Position: %s", rt.Title, rt.Position)
			for _, item := range rt.Prepare {
				r.p.Say("  - %s", item)
			}
			err = r.p.Ask(q+" Press enter when ready.", func(s string) error {
				switch strings.ToLower(s) {
				case "":
					r.do(guide.Act(guide.Continue))
				case "q":
					r.do(guide.Act(guide.Quit))
				case "w":
					r.do(guide.Act(guide.Warning))
				default:
					return errors.New("press enter when ready, w for a warning sign, q to quit")
				}
				return nil
			})
		case st.Phase == coach.PainfulSide:
			err = r.p.Ask(q+" l left, r right, b both, n neither.", func(s string) error {
				side, ok := map[string]coach.Side{"l": coach.Left, "r": coach.Right, "b": coach.SideBoth, "n": coach.SideNone}[strings.ToLower(s)]
				switch {
				case s == "q":
					r.do(guide.Act(guide.Quit))
				case strings.EqualFold(s, "w"):
					r.do(guide.Act(guide.Warning))
				case !ok:
					return errors.New("type l, r, b or n (w for a warning sign, q to quit)")
				default:
					r.do(guide.Action{Kind: guide.ChooseSide, Side: side})
				}
				return nil
			})
		case st.Phase == coach.Baseline && r.f.PainBefore() >= 0:
			err = r.p.Ask(q+" Press enter to start, u to change it.", func(s string) error {
				switch s {
				case "":
					r.do(guide.Act(guide.Continue))
				case "u":
					r.do(guide.Act(guide.Undo))
				default:
					return r.rating(s, "press enter to start, u to change the pain before")
				}
				return nil
			})
		case st.Phase == coach.Baseline, st.Phase == coach.CheckIn, st.Phase == coach.FinalPain:
			err = r.p.Ask(q, func(s string) error {
				hint := "type a number from 0 (no pain) to 10 (worst imaginable), or w for a warning sign"
				if st.Phase == coach.Baseline {
					hint = "type a number from 0 (no pain) to 10 (worst imaginable)"
				}
				return r.rating(s, hint)
			})
		default:
			err = r.timed()
		}
		if errors.Is(err, ErrEndOfInput) {
			return fmt.Errorf("the session ended because %w during the %s", err, st.Phase)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// rating takes a line at a question about the pain: a number, w, s or q.
func (r *runner) rating(s, hint string) error {
	if pain, ok := parsePain(s); ok {
		r.do(guide.PainAction(pain))
		return nil
	}
	if r.quitAsked {
		r.answerQuit(s)
		return nil
	}
	if strings.EqualFold(s, "q") && r.f.Valid(guide.Quit) {
		r.askQuit()
		return nil
	}
	for word, k := range map[string]guide.ActionKind{"w": guide.Warning, "s": guide.Stop} {
		if strings.ToLower(s) == word && r.f.Valid(k) {
			r.do(guide.Act(k))
			return nil
		}
	}
	return errors.New(hint)
}

func (r *runner) askStop(st coach.State) error {
	if st.Phase == coach.Step || st.Phase == coach.Rest {
		r.p.Say("%s The clock is frozen at %s left.", r.f.Question(), clock(st.Remaining))
	} else {
		r.p.Say("%s", r.f.Question())
	}
	advice, _ := r.f.StopAdvice()
	r.p.Say("%s", advice)
	q := "Type e to end the session."
	if st.CanFinishGently {
		q = "Type e to end the session, or g to finish with gentle stroking only (3 minutes at most)."
	}
	return r.p.Ask(q, func(s string) error {
		switch s {
		case "e", "":
			r.do(guide.Act(guide.EndSession))
		case "g":
			if !r.f.Valid(guide.FinishGently) {
				return errors.New("only e is possible now")
			}
			r.do(guide.Act(guide.FinishGently))
		default:
			return r.rating(s, "type e to end the session, a pain number, or w for a warning sign")
		}
		return nil
	})
}

// timed runs a step or the rest: it wakes when the shown second changes and
// reads lines as they come.
func (r *runner) timed() error {
	speed := r.f.Options().Speed
	for {
		st := r.f.State()
		if r.f.Stage() != guide.Session || (st.Phase != coach.Step && st.Phase != coach.Rest) || st.Prompt != coach.NoPrompt {
			return nil
		}
		var timer <-chan time.Time
		if !st.Frozen {
			delay := st.Remaining % time.Second
			if delay == 0 {
				delay = time.Second
			}
			timer = time.After(time.Duration(float64(delay) / speed))
		}
		select {
		case status := <-r.p.Interrupts:
			return ErrInterrupted{Status: status}
		case line, ok := <-r.p.Lines:
			if !ok {
				if st.Frozen {
					return ErrEndOfInput
				}
				r.p.Lines = nil // no more input: let the clock run
				continue
			}
			r.p.Echo(line)
			r.line(line)
		case <-timer:
			r.show(r.f.Tick())
			r.announceMinute()
		}
	}
}

// announceMinute says how many minutes are left each time the countdown
// passes a whole minute.
func (r *runner) announceMinute() {
	st := r.f.State()
	if st.Phase != coach.Step && st.Phase != coach.Rest {
		return
	}
	secs := shownSeconds(st.Remaining)
	if secs > 0 && secs%60 == 0 && secs/60 < r.lastMinute {
		r.lastMinute = secs / 60
		r.p.Say("%d min left.", r.lastMinute)
	}
}

func shownSeconds(d time.Duration) int {
	return int((d + time.Second - 1) / time.Second)
}

// lineOr answers a prompt: an empty line is the action given, any other
// line is read as during a step.
func (r *runner) lineOr(k guide.ActionKind) func(string) error {
	return func(s string) error {
		if s == "" {
			r.do(guide.Act(k))
			return nil
		}
		r.line(s)
		return nil
	}
}

// words are the actions a typed word stands for during a step.
var words = map[string]guide.ActionKind{
	"w": guide.Warning, "s": guide.Stop, "p": guide.PauseResume, "n": guide.Next, "b": guide.Back,
	"+": guide.Extend, "r": guide.Restart, "q": guide.Quit,
}

// line maps a typed line to an action.
func (r *runner) line(s string) {
	if r.quitAsked {
		r.answerQuit(s)
		return
	}
	if pain, ok := parsePain(s); ok {
		r.do(guide.PainAction(pain))
		return
	}
	s = strings.ToLower(s)
	k, ok := words[s]
	if !ok {
		if s != "" {
			r.p.Say("  (type a pain number 0-10, w warning sign, s stop, p pause, n next, + more time, q quit)")
		}
		return
	}
	paused, valid := r.f.State().Paused, r.f.Valid(k)
	if k == guide.Quit && valid {
		r.askQuit()
		return
	}
	r.do(guide.Act(k))
	st := r.f.State()
	switch {
	case !valid:
	case k == guide.PauseResume && paused && !st.Paused:
		r.p.Say("Resumed: %s left.", clock(st.Remaining))
	case k == guide.PauseResume && st.Paused:
		r.p.Say("Paused at %s. Type p to resume.", clock(st.Remaining))
	case k == guide.Extend:
		r.p.Say("30 seconds more: %s left.", clock(st.Remaining))
	}
}

// summary prints the session's summary and advice.
func (r *runner) summary() {
	sum := r.f.Summary()
	if r.f.Routine() == nil {
		return
	}
	pain := func(v int) string {
		if v < 0 {
			return "not given"
		}
		return strconv.Itoa(v)
	}
	if r.f.Rehearsal() {
		// Nothing was massaged, so there is no pain to report.
		r.p.Say("Rehearsal %s: steps played %d of %d, in %s.", sum.Outcome, sum.StepsCompleted, sum.StepsPlanned, clock(sum.Active))
		return
	}
	if e := r.f.SaveError(); e != "" {
		r.p.Say("The history lacks the end of this session (%s); knead tries again as it ends.", e)
	}
	how := string(sum.Outcome)
	if sum.FinishedGently {
		how += ", finished gently"
	}
	r.p.Say("Summary: %s, %s. Pain before %s, after %s. Steps done %d of %d. Massage time %s, rest %s.",
		r.f.Routine().Title, how, pain(sum.Baseline), pain(sum.Final), sum.StepsCompleted, sum.StepsPlanned, clock(sum.Active), clock(sum.Rest))
	if sum.StepsSkipped > 0 {
		r.p.Say("Steps skipped: %d.", sum.StepsSkipped)
	}
	for _, n := range r.f.AfterNotes() {
		r.p.Say("%s", n)
	}
	for _, a := range r.f.Advice() {
		r.p.Say("%s", a)
	}
}
