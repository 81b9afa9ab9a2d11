package guide

import (
	"errors"
	"fmt"
	"strings"

	"knead/coach"
	"knead/routines"
	"knead/screening"
	"knead/voice"
)

// ActionKind names what the user did, in either face.
type ActionKind uint8

// Possible ActionKind values.
const (
	// Continue is enter: ready after the checklist, start after the pain
	// before, go on after the result, close the ease prompt, resume after
	// a time gap.
	Continue ActionKind = iota + 1
	// ChooseWho says who is massaged: Mode, and Name for a partner.
	ChooseWho
	// Answer answers a yes/no question of the flow's own (has the pain
	// settled?): Yes.
	Answer
	// ScreeningDone hands over the finished questionnaire.
	ScreeningDone
	// LeaveScreening goes back from the first question, or from the
	// routine list, to who is massaged.
	LeaveScreening
	// ChooseRoutine starts Routine, which the clearance must allow.
	ChooseRoutine
	// ChooseSide answers which side hurts more: Side.
	ChooseSide
	// Pain reports pain on the 0–10 scale: Pain.
	Pain
	// Undo takes back the pain before, before the first step starts.
	Undo
	Warning
	Stop
	// PauseResume pauses a running step or rest, or resumes it.
	PauseResume
	// Pause and Resume hold the clock behind the key list and the quit
	// question, like any other prompt.
	Pause
	Resume
	Next
	Back
	Extend
	Restart
	EndSession
	FinishGently
	// Quit ends the run at the user's word (q, confirmed).
	Quit
	// Interrupt ends the run because the program is closing: Ctrl-C, a
	// closed terminal, a kill. Status is the exit status.
	Interrupt
)

// Action is one thing the user did.
type Action struct {
	Kind    ActionKind
	Pain    int
	Side    coach.Side
	Mode    screening.Mode
	Name    string
	Yes     bool
	Routine *routines.Routine
	Status  int
}

// Act is shorthand for an action without data.
func Act(k ActionKind) Action { return Action{Kind: k} }

// PainAction reports pain.
func PainAction(p int) Action { return Action{Kind: Pain, Pain: p} }

// Reply is what an action produced: the engine's cues to announce, and a
// short acknowledgement to show (and say), "" for none.
type Reply struct {
	Cues []coach.Cue
	Note string
}

// ErrNotNow says the action makes no sense in the current state; nothing
// changed.
var ErrNotNow = errors.New("not possible now")

// Do applies one action.
func (f *Flow) Do(a Action) (Reply, error) {
	r, err := f.do(a)
	f.speak(r)
	f.note()
	return r, err
}

func (f *Flow) do(a Action) (Reply, error) {
	if a.Kind == Interrupt {
		return f.interrupt(a.Status), nil
	}
	switch f.stage {
	case Who:
		switch a.Kind {
		case ChooseWho:
			return Reply{}, f.chooseWho(a.Mode, a.Name)
		case Quit:
			f.end(0, "")
			return Reply{}, nil
		}
	case Settled:
		switch a.Kind {
		case Answer:
			if a.Yes {
				f.course, f.settled = f.course.Settled(), true
				f.startScreening()
				return Reply{}, nil
			}
			f.end(screening.ExitStop, "no massage today: "+f.notSettled())
			return Reply{}, nil
		case Quit:
			f.end(0, "")
			return Reply{}, nil
		}
	case Screening:
		switch a.Kind {
		case ScreeningDone:
			if !f.walk.Done() {
				return Reply{}, fmt.Errorf("%w: the questionnaire is not finished", ErrNotNow)
			}
			return Reply{}, f.screened()
		case LeaveScreening:
			if f.opts.Mode != "" {
				return Reply{}, fmt.Errorf("%w: who is massaged was given on the command line", ErrNotNow)
			}
			f.walk, f.stage = nil, Who
			return Reply{}, nil
		case Quit:
			f.end(0, ErrScreeningCancelled.Error())
			return Reply{}, nil
		}
	case Result:
		switch a.Kind {
		case Continue:
			if f.chosen == nil {
				return Reply{}, fmt.Errorf("%w: %s", ErrNotNow, "the screening does not allow massage today")
			}
			return Reply{}, f.start(f.chosen)
		case Quit:
			f.end(f.exit, "")
			return Reply{}, nil
		}
	case Picker:
		switch a.Kind {
		case LeaveScreening:
			if f.opts.Mode != "" {
				return Reply{}, fmt.Errorf("%w: who is massaged was given on the command line", ErrNotNow)
			}
			f.walk, f.clearance, f.stage = nil, screening.Clearance{}, Who
			return Reply{}, nil
		case ChooseRoutine:
			if a.Routine == nil {
				return Reply{}, fmt.Errorf("%w: no routine chosen", ErrNotNow)
			}
			if ok, why := f.clearance.Allows(a.Routine); !ok {
				return Reply{}, fmt.Errorf("%s is not available today: %s", a.Routine.ID, why)
			}
			return Reply{}, f.start(a.Routine)
		case Quit:
			f.end(0, "")
			return Reply{}, nil
		}
	case Session:
		return f.sessionAction(a)
	case Summary:
		if a.Kind == Quit || a.Kind == Continue {
			f.end(f.exit, "")
			return Reply{}, nil
		}
	}
	return Reply{}, ErrNotNow
}

// interrupt ends the run where it stands; a session in progress is
// recorded as interrupted.
func (f *Flow) interrupt(status int) Reply {
	var r Reply
	if f.engine != nil && f.engine.State().Phase != coach.Done {
		r.Cues, _ = f.engine.Handle(coach.E(coach.Interrupt))
		f.save()
	}
	farewell := ""
	if f.stage == Screening {
		farewell = ErrScreeningCancelled.Error()
	}
	f.end(status, farewell)
	return r
}

// notSettled is the advice when the pain has not settled.
func (f *Flow) notSettled() string {
	if f.course.Doctor {
		return "see a doctor before any more massage, as the last session advised, and wait until the pain has settled"
	}
	return "wait until the pain has settled after the last session; if it does not settle within a few days, see a doctor"
}

// speak plays the reply's cues as tones and says them and its note, when
// there are tones and a voice: each tone is queued before its words, and
// the voice waits for it. The note (a rating read back) comes first: the
// voice drops words still waiting for newer ones, and the cues that follow
// a rating (a stop, the next step) matter more than its echo.
func (f *Flow) speak(r Reply) {
	// One utterance a reply: the speaker drops words still waiting when
	// newer ones come, so a rating read back and the next step's words
	// said as two would lose the first.
	var words []string
	if r.Note != "" {
		words = append(words, voice.Spoken(r.Note))
	}
	for _, c := range r.Cues {
		if tone, ok := SoundOf(c, f.opts.TempoTicks); ok {
			f.opts.Tones.Play(tone)
		}
		if c.Kind == coach.CueCheckIn && f.rehearsal {
			continue // a rehearsal asks for no rating: it goes straight on
		}
		if w := voice.Words(c, f.Partner(), f.name); w != "" {
			words = append(words, w)
		}
	}
	if f.opts.Voice != nil && len(words) > 0 {
		f.voiceSeq++
		for i, w := range words {
			// Joined phrases still read as sentences: "Rest now. How is…"
			if !strings.HasSuffix(w, ".") && !strings.HasSuffix(w, "?") && !strings.HasSuffix(w, "!") {
				words[i] = w + "."
			}
		}
		f.opts.Voice.Say(f.voiceSeq, strings.Join(words, " "))
	}
}
