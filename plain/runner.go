package plain

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"knead/coach"
	"knead/voice"
)

// runner drives an engine from lines and a timer.
type runner struct {
	voice      *voice.Speaker
	voiceSeq   int64
	partner    bool
	saver      *logSaver
	p          *Prompter
	e          engine
	clock      coach.Clock
	speed      float64
	lastMinute int
}

func (r *runner) handle(ev coach.Event) {
	cues, err := r.e.Handle(ev)
	if r.saver != nil {
		r.saver.save()
	}
	sayCues(r.p, cues)
	r.speakCues(cues)
	for _, c := range cues {
		if c.Kind == coach.CueStepStart || c.Kind == coach.CueRestStart {
			r.lastMinute = c.Duration / 60
		}
	}
	var nn *coach.NotNowError
	if errors.As(err, &nn) {
		r.p.Say("  (%s)", err)
	}
}

// speakCues hands the cues' words to the voice, if there is one.
func (r *runner) speakCues(cues []coach.Cue) {
	for _, c := range cues {
		if w := voice.Words(c, r.partner); w != "" {
			r.voiceSeq++
			r.voice.Say(r.voiceSeq, w)
		}
	}
}

// loop runs until the session is done, or the input ends at a prompt.
func (r *runner) loop() error {
	for {
		st := r.e.State()
		if st.Phase == coach.Done {
			return nil
		}
		var err error
		switch {
		case st.Prompt == coach.StopPrompt:
			err = r.askStop(st)
		case st.Prompt == coach.EasePrompt:
			err = r.p.Ask(fmt.Sprintf("Ease the pressure: the pain went up from %d to %d. Press enter to go on, s to stop.", st.Baseline, st.LastPain), func(s string) error {
				r.line(s, coach.E(coach.Ack))
				return nil
			})
		case st.Prompt == coach.GapPrompt:
			err = r.p.Ask("The clock jumped (the computer slept). The step is paused. Press enter to resume, r to restart the step.", func(s string) error {
				r.line(s, coach.E(coach.ResumeStep))
				return nil
			})
		case st.Phase == coach.Preparation:
			rt := r.e.Routine()
			r.p.Say("Routine: %s. Position: %s", rt.Title, rt.Position)
			for _, item := range rt.Prepare {
				r.p.Say("  - %s", item)
			}
			err = r.p.Ask("Press enter when ready.", func(string) error {
				r.handle(coach.E(coach.Confirm))
				return nil
			})
		case st.Phase == coach.PainfulSide:
			err = r.p.Ask("Which side hurts more? l left, r right, b both, n neither.", func(s string) error {
				side, ok := map[string]coach.Side{"l": coach.Left, "r": coach.Right, "b": coach.SideBoth, "n": coach.SideNone}[strings.ToLower(s)]
				if !ok {
					return errors.New("type l, r, b or n")
				}
				r.handle(coach.SideEvent(side))
				return nil
			})
		case st.Phase == coach.Baseline, st.Phase == coach.CheckIn, st.Phase == coach.FinalPain:
			q := "How is the pain now, 0-10?"
			if st.Phase == coach.Baseline {
				q = "How strong is the pain before you start, 0-10?"
			}
			err = r.p.Ask(q, func(s string) error {
				pain, ok := parsePain(s)
				switch {
				case ok:
					r.handle(coach.RateEvent(pain))
				case (st.Phase == coach.CheckIn || st.Phase == coach.FinalPain) && s == "w":
					r.handle(coach.E(coach.Warning))
				case st.Phase == coach.CheckIn && s == "s":
					r.line(s, coach.Event{})
				default:
					return errors.New("type a number from 0 (no pain) to 10 (worst imaginable), or w for a warning sign")
				}
				return nil
			})
		default:
			err = r.timed()
		}
		if err != nil {
			r.handle(coach.E(coach.Quit))
			return fmt.Errorf("the session ended because %w before %s", err, st.Phase)
		}
	}
}

func (r *runner) askStop(st coach.State) error {
	r.p.Say("STOP: %s. The clock is frozen.", st.StopReason)
	r.p.Say("Take your hands off and rest. If the pain stays or you feel numbness or tingling, see a doctor.")
	q := "Type e to end the session."
	if st.CanFinishGently {
		q = "Type e to end the session, or g to finish with gentle stroking only (3 minutes at most)."
	}
	return r.p.Ask(q, func(s string) error {
		switch s {
		case "e":
			r.handle(coach.E(coach.EndSession))
		case "g":
			if !st.CanFinishGently {
				return errors.New("only e is possible now")
			}
			r.handle(coach.E(coach.FinishGently))
		case "w":
			r.handle(coach.E(coach.Warning))
		default:
			if pain, ok := parsePain(s); ok {
				r.handle(coach.RateEvent(pain))
				return nil
			}
			return errors.New("type e to end the session, a pain number, or w for a warning sign")
		}
		return nil
	})
}

// timed runs a step or the rest: it wakes when the shown second changes and
// reads lines as they come.
func (r *runner) timed() error {
	var st coach.State
	for {
		st = r.e.State()
		if (st.Phase != coach.Step && st.Phase != coach.Rest) || st.Prompt != coach.NoPrompt {
			return nil
		}
		var timer <-chan time.Time
		if !st.Frozen {
			delay := st.Remaining % time.Second
			if delay == 0 {
				delay = time.Second
			}
			timer = time.After(time.Duration(float64(delay) / r.speed))
		}
		select {
		case line, ok := <-r.p.Lines:
			if !ok {
				if st.Frozen {
					return ErrEndOfInput
				}
				r.p.Lines = nil // no more input: let the clock run
				continue
			}
			r.p.Echo(line)
			r.line(line, coach.Event{})
		case <-timer:
			r.handle(coach.E(coach.Tick))
			r.announceMinute()
		}
	}
}

// announceMinute says how many minutes are left each time the countdown
// passes a whole minute.
func (r *runner) announceMinute() {
	st := r.e.State()
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

// line maps a typed line to an event; fallback is used for an empty line.
func (r *runner) line(s string, fallback coach.Event) {
	if pain, ok := parsePain(s); ok {
		r.handle(coach.RateEvent(pain))
		return
	}
	st := r.e.State()
	switch strings.ToLower(s) {
	case "":
		if fallback.Kind != 0 {
			r.handle(fallback)
		}
	case "w":
		r.handle(coach.E(coach.Warning))
	case "s":
		r.handle(coach.E(coach.RequestStop))
	case "p":
		if st.Paused {
			r.handle(coach.E(coach.Resume))
			r.p.Say("Resumed: %s left.", clock(r.e.State().Remaining))
		} else {
			r.handle(coach.E(coach.Pause))
			r.p.Say("Paused at %s. Type p to resume.", clock(r.e.State().Remaining))
		}
	case "n":
		r.handle(coach.E(coach.Next))
	case "b":
		r.handle(coach.E(coach.Back))
	case "+":
		r.handle(coach.E(coach.Extend))
		r.p.Say("30 seconds more: %s left.", clock(r.e.State().Remaining))
	case "r":
		r.handle(coach.E(coach.RestartStep))
	case "q":
		r.handle(coach.E(coach.Quit))
	default:
		if fallback.Kind != 0 {
			r.handle(fallback)
			return
		}
		r.p.Say("  (type a pain number 0-10, w warning sign, s stop, p pause, n next, + more time, q quit)")
	}
}

// summary prints the session's summary and advice.
func (r *runner) summary() {
	sum := r.e.Summary()
	pain := func(v int) string {
		if v < 0 {
			return "-"
		}
		return strconv.Itoa(v)
	}
	r.p.Say("Summary: %s, %s. Pain before %s, after %s. Steps done %d of %d. Massage time %s, rest %s.",
		r.e.Routine().Title, sum.Outcome, pain(sum.Baseline), pain(sum.Final), sum.StepsCompleted, sum.StepsPlanned, clock(sum.Active), clock(sum.Rest))
	if sum.StopReason != "" {
		r.p.Say("Stopped because %s.", sum.StopReason)
	}
	for _, a := range sum.Advice {
		r.p.Say("%s", a)
	}
}
