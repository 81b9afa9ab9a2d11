package coach

import (
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
	// SessionLeft is the time of every step still to run: what is left of
	// the current one (with its extra time) and the steps after it.
	SessionLeft time.Duration
	// StepsLeft counts the steps still to run, the current one included.
	StepsLeft int

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
	if s.baselineGiven {
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
	// The steps after the current one (or after the last one done).
	after := max(s.idx+1, 0)
	for _, step := range s.steps[after:] {
		st.SessionLeft += step.Duration
	}
	st.StepsLeft = len(s.steps) - after
	if s.phase == Step {
		st.SessionLeft += st.Remaining
		st.StepsLeft++
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
	Routine    string
	StartedAt  time.Time
	DoseFactor float64
	Baseline   int // the pain before; -1 when never given
	// Final is the pain after: the last rating given after the pain
	// before (the final one, or a check-in); -1 when none was.
	Final   int
	Ratings []Rating
	// StepsCompleted counts the steps that ran to their end (extended or
	// not); StepsSkipped those left early with Next.
	StepsCompleted int
	StepsSkipped   int
	StepsPlanned   int
	Active         time.Duration // time spent in running steps
	Rest           time.Duration // time spent in the aftercare rest
	Outcome        Outcome       // "" while the session is still going
	StopReason     string
	FinishedGently bool
	// PainStop says the pain rule stopped the session (a rise, or pain of
	// 7 or more).
	PainStop bool
	// WarningSign says a warning sign was given during the session.
	WarningSign bool
	Advice      []string
}

// Facts are what advice is given from; the journal keeps them, so that
// the history and the next start advise as the summary did.
func (sum Summary) Facts() Facts {
	return Facts{Outcome: sum.Outcome, StopReason: sum.StopReason, PainStop: sum.PainStop, WarningSign: sum.WarningSign,
		Baseline: sum.Baseline, Final: sum.Final}
}

// count is how many of the routine's steps ended the given way.
func (s *Session) count(how stepStatus) int {
	n := 0
	for i, st := range s.status {
		if s.finishing && i == len(s.status)-1 {
			break // the gentle finish is not one of the routine's steps
		}
		if st == how {
			n++
		}
	}
	return n
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
		StepsCompleted: s.count(ranToEnd),
		StepsSkipped:   s.count(skipped),
		StepsPlanned:   len(s.routine.Steps),
		Active:         s.active,
		Rest:           s.restActive,
		Outcome:        s.outcome,
		StopReason:     s.stopReason(),
		FinishedGently: s.finishing && !s.finishCut,
		WarningSign:    s.warningSign,
	}
	for _, c := range s.causes {
		sum.PainStop = sum.PainStop || c.pain >= 0
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
	if s.baselineGiven {
		sum.Baseline = s.baseline
	}
	for _, r := range s.ratings {
		if r.Phase != Baseline {
			sum.Final = r.Pain
		}
	}
	sum.Advice = Advise(sum.Facts())
	return sum
}
