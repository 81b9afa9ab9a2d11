package coach

import (
	"errors"
	"fmt"
	"time"

	"knead/routines"
	"knead/screening"
)

// Options tune a session.
type Options struct {
	// SessionNumber is the session's place in the current course, from 1;
	// 0 is read as 1. The first sessions run shorter (see DoseFactor).
	SessionNumber int
	// CheckInAtSides asks about the pain only when a side is done: after
	// steps that switch sides and after the last step, instead of after
	// every step. Pain can be reported at any moment either way.
	CheckInAtSides bool
}

// ErrNotAllowed is returned when the clearance does not allow the routine.
var ErrNotAllowed = errors.New("the screening clearance does not allow this routine")

// ErrExpired is returned when the clearance was not given today.
var ErrExpired = errors.New("the screening clearance was not given today; screen again")

// NotNowError says that an event cannot be taken in the current state; the
// state is unchanged.
type NotNowError struct {
	Event  Event
	Phase  Phase
	Prompt Prompt
}

func (e *NotNowError) Error() string {
	if e.Prompt != NoPrompt {
		return fmt.Sprintf("%s is not possible while the %s prompt is open", e.Event, e.Prompt)
	}
	return fmt.Sprintf("%s is not possible during %s", e.Event, e.Phase)
}

// Session is one massage session. Its zero value is not usable: the only way
// to get one is New, which demands a clearance that allows the routine.
type Session struct {
	clock   Clock
	routine *routines.Routine
	steps   []routines.Step // the routine's steps at this session's dose
	factor  float64
	sides   bool // check in only when a side is done
	// strict is set under a gentle clearance: any rise in pain stops the
	// session ("if pain or discomfort appears during the session, the
	// procedure should be stopped"), where a clear one only eases.
	strict bool
	// gap overrides MaxGap: a rehearsal's clock runs fast, so its real
	// pauses look longer to the engine.
	gap time.Duration

	phase  Phase
	prompt Prompt
	paused bool // in Step or Rest, by the user or by a prompt

	// pausedByUser remembers whether the user had paused before a prompt,
	// so that closing the prompt returns to the same state.
	pausedByUser bool
	// causes are every reason the session was stopped for, in order.
	causes    []stopCause
	canFinish bool
	// warningSign is set once a warning sign was given.
	warningSign bool
	finishing   bool
	// finishCut says a second stop came during the gentle finish, so the
	// session did not end with gentle stroking.
	finishCut bool
	// onSide is the side the massage is on now, "" before one is known;
	// a step that starts on another side is announced as a side switch.
	onSide Side

	painful, first Side
	baseline       int
	baselineGiven  bool
	ratings        []Rating
	// status says how each step ended: ran to its end, or skipped.
	status []stepStatus

	// Timing of the current step or rest. While running, the deadline is
	// the truth and the remaining time is derived from it; while paused,
	// remaining is frozen. No tick is ever counted.
	idx       int
	total     time.Duration // planned time of this run of the step, plus extends
	deadline  time.Time
	remaining time.Duration
	runStart  time.Time
	lastSeen  time.Time

	// Cue state of the current step.
	switched, warned bool
	pass             int

	active     time.Duration // time spent in running steps
	restActive time.Duration
	extends    int
	startedAt  time.Time
	outcome    Outcome

	log []Record
}

// New creates a session for r. It fails unless c allows r and was given
// today, which makes the screening gate part of the type: there is no other
// constructor.
func New(r *routines.Routine, c screening.Clearance, clock Clock, opts Options) (*Session, error) {
	if r == nil || len(r.Steps) == 0 {
		return nil, errors.New("no routine to run")
	}
	now := clock.Now()
	if !c.ValidAt(now) {
		return nil, ErrExpired
	}
	if ok, why := c.Allows(r); !ok {
		return nil, fmt.Errorf("%w: %s", ErrNotAllowed, why)
	}
	s := &Session{clock: clock, routine: r, factor: DoseFactor(opts.SessionNumber), startedAt: now, idx: -1, sides: opts.CheckInAtSides, strict: c.Level == screening.Gentle}
	s.steps = make([]routines.Step, len(r.Steps))
	s.status = make([]stepStatus, len(r.Steps))
	for i, st := range r.Steps {
		s.steps[i] = dosedStep(st, s.factor)
	}
	return s, nil
}

// maxGap is the clock jump taken as a suspend or sleep.
func (s *Session) maxGap() time.Duration {
	if s.gap > 0 {
		return s.gap
	}
	return MaxGap
}

// Routine is the routine being run.
func (s *Session) Routine() *routines.Routine { return s.routine }

// Steps are the routine's steps at this session's dose.
func (s *Session) Steps() []routines.Step { return s.steps }

// Log returns every accepted event and emitted cue so far, in order. The
// slice grows; callers remember how far they have read.
func (s *Session) Log() []Record { return s.log }

func (s *Session) record(now time.Time, e *Event, c *Cue) {
	s.log = append(s.log, Record{At: now, Event: e, Cue: c})
}

// Handle applies one event at the clock's current time. It returns the cues
// to announce, or a *NotNowError (and changes nothing) when the event makes
// no sense now.
func (s *Session) Handle(e Event) ([]Cue, error) {
	now := s.clock.Now()
	var cues []Cue
	emit := func(c Cue) {
		cues = append(cues, c)
		s.record(now, nil, &cues[len(cues)-1])
	}
	// A clock jump while a step runs means the machine slept or the process
	// was suspended: that time is not massage time.
	if s.running() && now.Sub(s.lastSeen) > s.maxGap() {
		s.freeze(s.lastSeen)
		s.prompt = GapPrompt
		emit(Cue{Kind: CueGap, Step: s.idx, Title: s.currentTitle()})
		if e.Kind == Tick {
			return cues, nil
		}
	}
	if s.running() {
		s.lastSeen = now
	}
	if e.Kind != Tick && !s.accepts(e) {
		return cues, &NotNowError{Event: e, Phase: s.phase, Prompt: s.prompt}
	}
	if e.Kind != Tick {
		ev := e
		s.record(now, &ev, nil)
	}
	s.apply(e, now, emit)
	return cues, nil
}

// accepts reports whether e is valid now.
func (s *Session) accepts(e Event) bool {
	k := e.Kind
	if k == Quit || k == Interrupt {
		return s.phase != Done
	}
	if k == Rate && (e.Pain < 0 || e.Pain > 10) {
		return false
	}
	switch s.prompt {
	case StopPrompt:
		return k == EndSession || k == Rate || k == Warning || (k == FinishGently && s.canFinish)
	case GapPrompt:
		// Restarting the gentle finish would run it past its 3 minutes.
		return k == ResumeStep || (k == RestartStep && !s.finishing) || k == Rate || k == Warning || k == RequestStop
	case EasePrompt:
		return k == Ack || k == Rate || k == Warning || k == RequestStop
	}
	switch s.phase {
	case Preparation:
		// A warning sign felt before the first step stops the session
		// before it starts, here and in the next two phases.
		return k == Confirm || k == Warning
	case PainfulSide:
		return k == Warning || k == ChooseSide && (e.Side == Left || e.Side == Right || e.Side == SideBoth || e.Side == SideNone)
	case Baseline:
		return k == Rate || k == Warning
	case Step:
		switch k {
		case Pause:
			return !s.paused
		case Resume:
			return s.paused
		case Back, Extend:
			// The gentle finish is at most MaxFinishGently, whatever is
			// pressed.
			return !s.finishing
		case Rate, Warning, Next, RequestStop:
			return true
		}
	case CheckIn:
		return k == Rate || k == Warning || k == RequestStop
	case Rest:
		switch k {
		case Pause:
			return !s.paused
		case Resume:
			return s.paused
		case Rate, Warning, Next, Extend:
			return true
		}
	case FinalPain:
		// A warning sign felt after the massage still counts.
		return k == Rate || k == Warning
	}
	return false
}

func (s *Session) apply(e Event, now time.Time, emit func(Cue)) {
	switch e.Kind {
	case Tick:
		s.tick(now, emit)
	case Quit, Interrupt:
		if s.running() {
			s.freeze(now)
		}
		outcome := EndedByUser
		if e.Kind == Interrupt {
			outcome = Interrupted
		}
		s.finish(outcome, now, emit)
	case Confirm:
		s.phase = PainfulSide
	case ChooseSide:
		s.painful = e.Side
		s.first = Left
		if e.Side == Left || e.Side == Right {
			s.first = e.Side.opposite()
		}
		s.phase = Baseline
	case Rate:
		s.rate(e.Pain, now, emit)
	case Warning:
		s.warningSign = true
		cause := stopCause{text: "a warning sign (sharp or shooting pain, numbness or tingling)", pain: -1}
		if s.phase == FinalPain {
			// The massage is over: the sign ends the session as stopped,
			// with the advice that goes with it.
			s.addCause(cause)
			emit(Cue{Kind: CueStop, Step: -1, Text: s.stopReason()})
			s.finish(Stopped, now, emit)
			return
		}
		s.stop(cause, false, now, emit)
	case RequestStop:
		s.stop(stopCause{text: "you asked to stop", pain: -1}, true, now, emit)
	case Pause:
		s.freeze(now)
		s.pausedByUser = true
	case Resume:
		s.pausedByUser = false
		s.unfreeze(now)
	case Extend:
		s.total += ExtendBy
		s.extends++
		if s.running() {
			s.deadline = s.deadline.Add(ExtendBy)
		} else {
			s.remaining += ExtendBy
		}
		if s.remainingAt(now) > WarnBefore {
			s.warned = false
		}
	case Next:
		if s.running() {
			s.freeze(now)
		}
		if s.phase == Rest {
			s.endRest(now, emit)
		} else {
			s.endStep(skipped, now, emit)
		}
	case Back:
		// Like a player's back button: well into a step it starts the step
		// again; at its start (or pressed again) it goes to the one before.
		elapsed := s.total - s.remainingAt(now)
		if s.running() {
			s.freeze(now)
		}
		if elapsed <= BackRestarts && s.idx > 0 && !s.finishing {
			s.idx--
		}
		s.startStep(s.idx, now, emit)
	case Ack:
		s.closePrompt(now, emit)
	case EndSession:
		s.finish(Stopped, now, emit)
	case FinishGently:
		s.finishGently(now, emit)
	case ResumeStep:
		s.prompt = NoPrompt
		if !s.pausedByUser {
			s.unfreeze(now)
		}
	case RestartStep:
		s.prompt = NoPrompt
		s.total = s.plannedNow()
		s.remaining = s.total
		s.switched, s.warned, s.pass = false, false, 0
		if !s.pausedByUser {
			s.unfreeze(now)
		}
	}
}

// Accepts reports whether Handle would take e now.
func (s *Session) Accepts(e Event) bool { return e.Kind == Tick || s.accepts(e) }
