package coach

import (
	"time"

	"knead/routines"
)

// running reports whether a step or the rest is counting down now.
func (s *Session) running() bool {
	return (s.phase == Step || s.phase == Rest) && !s.paused && s.prompt == NoPrompt
}

// remainingAt derives the time left from the deadline; never from ticks.
func (s *Session) remainingAt(now time.Time) time.Duration {
	if !s.running() {
		return s.remaining
	}
	if left := s.deadline.Sub(now); left > 0 {
		return left
	}
	return 0
}

// freeze stops the countdown as of at, counting the time run since the last
// start as active.
func (s *Session) freeze(at time.Time) {
	if !s.running() {
		return
	}
	if at.After(s.deadline) {
		at = s.deadline
	}
	s.remaining = s.deadline.Sub(at)
	ran := at.Sub(s.runStart)
	if s.phase == Rest {
		s.restActive += ran
	} else {
		s.active += ran
	}
	s.paused = true
}

// unfreeze restarts the countdown from the frozen remaining time.
func (s *Session) unfreeze(now time.Time) {
	s.paused = false
	if !s.running() {
		return // a prompt is still open
	}
	s.deadline = now.Add(s.remaining)
	s.runStart = now
	s.lastSeen = now
}

// plannedNow is the planned length of the current step or rest.
func (s *Session) plannedNow() time.Duration {
	if s.phase == Rest {
		return s.routine.Aftercare.Rest
	}
	return s.steps[s.idx].Duration
}

// startRun begins a countdown of the current phase's planned length.
func (s *Session) startRun(now time.Time) {
	s.total = s.plannedNow()
	s.remaining = s.total
	s.switched, s.warned, s.pass = false, false, 0
	s.paused, s.pausedByUser = true, false
	s.unfreeze(now)
}

func (s *Session) currentTitle() string {
	if s.phase == Rest {
		return "Rest"
	}
	if s.idx >= 0 && s.idx < len(s.steps) {
		return s.steps[s.idx].Title
	}
	return ""
}

// sideAt is the side to work at a given elapsed time of the current step:
// the first side (opposite the pain) in the first half of a switch_sides
// step, the other one after; the step's own side when it works one; none
// for other steps, or when no side hurts more.
func (s *Session) sideAt(elapsed time.Duration) Side {
	if s.phase != Step || s.idx < 0 || s.first == "" {
		return ""
	}
	st := s.steps[s.idx]
	switch {
	case st.Side == routines.FirstSide:
		return s.first
	case st.Side == routines.SecondSide:
		return s.first.opposite()
	case !st.SwitchSides:
		return ""
	case elapsed*2 >= s.total:
		return s.first.opposite()
	}
	return s.first
}

// sideDoneAfter reports whether a side is done when step i ends: the step
// switched sides, or the next works the second side after this one worked
// the first.
func (s *Session) sideDoneAfter(i int) bool {
	if s.steps[i].SwitchSides {
		return true
	}
	return i+1 < len(s.steps) && s.steps[i].Side == routines.FirstSide && s.steps[i+1].Side == routines.SecondSide
}

func (s *Session) startStep(i int, now time.Time, emit func(Cue)) {
	s.phase, s.idx, s.prompt = Step, i, NoPrompt
	s.startRun(now)
	st := s.steps[i]
	side := s.sideAt(0)
	if side != "" && s.onSide != "" && side != s.onSide {
		// Changing sides between two steps is a side switch too, with its
		// own sound and banner: turning over to go on, or back to the
		// first side when b goes back or restarts a step that switched.
		// It comes first: by ear, the body moves before the hands start.
		emit(Cue{Kind: CueSideSwitch, Step: i, Title: st.Title, Side: side})
	}
	emit(Cue{Kind: CueStepStart, Step: i, Title: st.Title, Text: st.Cue, Duration: int(st.Duration / time.Second), Side: side})
	if side != "" {
		s.onSide = side
	}
	s.emitPass(0, emit)
}

// tick emits the cues whose moment has come and ends the step or rest when
// its deadline has passed.
func (s *Session) tick(now time.Time, emit func(Cue)) {
	if !s.running() {
		return
	}
	at := now
	if at.After(s.deadline) {
		at = s.deadline
	}
	elapsed := s.total - s.deadline.Sub(at)
	if s.phase == Step {
		st := s.steps[s.idx]
		if st.SwitchSides && !s.switched && elapsed*2 >= s.total {
			s.switched = true
			s.onSide = s.sideAt(elapsed)
			emit(Cue{Kind: CueSideSwitch, Step: s.idx, Title: st.Title, Side: s.onSide})
		}
		s.emitPass(elapsed, emit)
	}
	if left := s.deadline.Sub(at); !s.warned && left <= WarnBefore && left > 0 && s.total > WarnBefore {
		s.warned = true
		emit(Cue{Kind: CueTenSeconds, Step: s.idx, Title: s.currentTitle()})
	}
	if !now.Before(s.deadline) {
		s.freeze(s.deadline)
		if s.phase == Rest {
			s.endRest(now, emit)
		} else {
			s.endStep(ranToEnd, now, emit)
		}
	}
}

// emitPass announces each new pass of a step with a tempo.
func (s *Session) emitPass(elapsed time.Duration, emit func(Cue)) {
	st := s.steps[s.idx]
	if st.Tempo <= 0 || elapsed >= s.total {
		return
	}
	n := int(elapsed/st.Tempo) + 1
	if n <= s.pass {
		return
	}
	s.pass = n
	c := Cue{Kind: CuePass, Step: s.idx, Title: st.Title, Pass: n}
	if st.Passes != nil {
		c.PassMin, c.PassMax = st.Passes.Min, st.Passes.Max
	}
	emit(c)
}

// stepStatus is how a step ended.
type stepStatus uint8

// Possible stepStatus values. A step that ran to its end once stays done,
// even when it is later gone back to and skipped.
const (
	notRun stepStatus = iota
	skipped
	ranToEnd
)

// endStep closes the current step and asks for a check-in (with
// CheckInAtSides, only when a side is done).
func (s *Session) endStep(how stepStatus, now time.Time, emit func(Cue)) {
	if s.status[s.idx] != ranToEnd {
		s.status[s.idx] = how
	}
	kind := CueStepEnd
	if how == skipped {
		kind = CueStepSkipped
	}
	emit(Cue{Kind: kind, Step: s.idx, Title: s.steps[s.idx].Title})
	last := s.finishing || s.idx+1 >= len(s.steps)
	if s.sides && !last && !s.sideDoneAfter(s.idx) {
		s.startStep(s.idx+1, now, emit)
		return
	}
	s.phase, s.paused, s.prompt = CheckIn, false, NoPrompt
	emit(Cue{Kind: CueCheckIn, Step: s.idx})
}

// afterCheckIn starts the next step, or the rest after the last one.
func (s *Session) afterCheckIn(now time.Time, emit func(Cue)) {
	if s.finishing || s.idx+1 >= len(s.steps) {
		s.phase = Rest
		s.startRun(now)
		emit(Cue{Kind: CueRestStart, Step: -1, Title: "Rest", Text: s.routine.Aftercare.Advice, Duration: int(s.total / time.Second)})
		return
	}
	s.startStep(s.idx+1, now, emit)
}

func (s *Session) endRest(now time.Time, emit func(Cue)) {
	emit(Cue{Kind: CueRestEnd, Step: -1, Title: "Rest"})
	s.phase, s.paused, s.prompt = FinalPain, false, NoPrompt
	emit(Cue{Kind: CueCheckIn, Step: -1})
}
