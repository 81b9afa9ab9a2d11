package coach

import (
	"fmt"
	"time"

	"knead/routines"
)

// State is everything the app shows, read at one moment.
type State struct {
	Phase  Phase
	Prompt Prompt
	// Paused is true when the user paused the countdown.
	Paused bool
	// Frozen is true whenever the countdown is not running (paused, a
	// prompt, or not in a timed phase).
	Frozen          bool
	StopReason      string
	CanFinishGently bool
	FinishingGently bool

	StepIndex int // -1 before the first step
	StepCount int
	Step      *routines.Step // the current step at this session's dose; nil outside steps
	NextTitle string         // the next step's title, "" after the last

	Remaining time.Duration // of the current step or rest
	Elapsed   time.Duration
	Total     time.Duration // planned length of this run, plus extends

	SessionPlanned time.Duration // every step at this session's dose
	SessionDone    time.Duration // planned time of the finished steps plus this one's elapsed

	Pass             int // current pass of a step with a tempo, from 1
	PassMin, PassMax int

	Side        Side // the side being worked now, "" when both or none
	FirstSide   Side
	PainfulSide Side
	Baseline    int // -1 before it is given
	LastPain    int // -1 before any rating
	DoseFactor  float64
}

// State reads the session at the clock's current time.
func (s *Session) State() State {
	now := s.clock.Now()
	st := State{
		Phase:           s.phase,
		Prompt:          s.prompt,
		Paused:          s.pausedByUser,
		Frozen:          !s.running(),
		StopReason:      s.stopReason(),
		CanFinishGently: s.prompt == StopPrompt && s.canFinish,
		FinishingGently: s.finishing,
		StepIndex:       s.idx,
		StepCount:       len(s.steps),
		FirstSide:       s.first,
		PainfulSide:     s.painful,
		Baseline:        -1,
		LastPain:        -1,
		DoseFactor:      s.factor,
	}
	if s.phase > Baseline {
		st.Baseline = s.baseline
	}
	if n := len(s.ratings); n > 0 {
		st.LastPain = s.ratings[n-1].Pain
	}
	for i, step := range s.steps {
		st.SessionPlanned += step.Duration
		if i < s.idx || (i == s.idx && s.phase > Step) {
			st.SessionDone += step.Duration
		}
	}
	if s.phase == Step || s.phase == Rest {
		st.Remaining = s.remainingAt(now)
		st.Total = s.total
		st.Elapsed = s.total - st.Remaining
	}
	if s.phase == Step {
		step := s.steps[s.idx]
		st.Step = &step
		st.SessionDone += min(st.Elapsed, step.Duration)
		st.Side = s.sideAt(st.Elapsed)
		st.Pass = s.pass
		if step.Passes != nil {
			st.PassMin, st.PassMax = step.Passes.Min, step.Passes.Max
		}
	}
	if s.idx+1 < len(s.steps) && s.phase <= CheckIn {
		st.NextTitle = s.steps[s.idx+1].Title
	}
	return st
}

// Summary is the record of a finished (or unfinished) session.
type Summary struct {
	Routine        string
	StartedAt      time.Time
	DoseFactor     float64
	Baseline       int // -1 when never given
	Final          int // the final rating, else the last one; -1 when none
	Ratings        []Rating
	StepsCompleted int
	StepsPlanned   int
	Active         time.Duration // time spent in running steps
	Rest           time.Duration // time spent in the aftercare rest
	Outcome        Outcome       // "" while the session is still going
	StopReason     string
	FinishedGently bool
	// WarningSign says a warning sign was given during the session.
	WarningSign bool
	Advice      []string
}

// Summary reads the session's record so far.
func (s *Session) Summary() Summary {
	sum := Summary{
		Routine:        s.routine.ID,
		StartedAt:      s.startedAt,
		DoseFactor:     s.factor,
		Baseline:       -1,
		Final:          -1,
		Ratings:        append([]Rating(nil), s.ratings...),
		StepsCompleted: s.completed,
		StepsPlanned:   len(s.steps),
		Active:         s.active,
		Rest:           s.restActive,
		Outcome:        s.outcome,
		StopReason:     s.stopReason(),
		FinishedGently: s.finishing,
		WarningSign:    s.warningSign,
	}
	if s.running() {
		// Count the run in progress too, for a summary read mid-session.
		ran := s.clock.Now().Sub(s.runStart)
		if s.phase == Rest {
			sum.Rest += min(ran, s.deadline.Sub(s.runStart))
		} else {
			sum.Active += min(ran, s.deadline.Sub(s.runStart))
		}
	}
	if s.phase > Baseline || len(s.ratings) > 0 {
		sum.Baseline = s.baseline
	}
	if n := len(s.ratings); n > 0 {
		sum.Final = s.ratings[n-1].Pain
	}
	sum.Advice = advice(sum)
	return sum
}

// advice turns the pain before and after into what to do next.
func advice(sum Summary) []string {
	var out []string
	if sum.Outcome == Stopped {
		out = append(out, "The session was stopped ("+sum.StopReason+"). Rest, and do not massage again until the pain has settled.")
	}
	if sum.WarningSign {
		out = append(out, "A warning sign (sharp or shooting pain, numbness or tingling) needs a doctor: see a general practitioner or a neurologist before any more massage.")
	}
	if sum.Baseline >= 0 && sum.Final >= 0 {
		switch rise := sum.Final - sum.Baseline; {
		case sum.Final >= SeverePain:
			out = append(out, fmt.Sprintf("Pain of %d after a session is too strong: pause the course and see a doctor before the next session.", sum.Final))
		case rise >= 2:
			// Seed 001: "if after the massage the condition has not
			// improved, or even worsened ... consult a doctor".
			out = append(out, "Pain is higher than before the session: pause the course and see a doctor before the next session.")
		case rise == 1:
			// Seed 001: "if after the session the loin hurts a little -
			// this is normal"; seed 002 expects it as the body adapts.
			out = append(out, "A little soreness after a session is normal, especially in the first sessions of a course.")
		}
	}
	return out
}
