package coach

import (
	"fmt"
	"time"

	"knead/routines"
)

// rate applies a pain rating: the baseline, the final rating, or a report
// during the session that the stop rule compares with the baseline.
func (s *Session) rate(pain int, now time.Time, emit func(Cue)) {
	step := s.idx
	s.ratings = append(s.ratings, Rating{At: now, Pain: pain, Phase: s.phase, Step: step})
	switch {
	case s.prompt == StopPrompt:
		return // already stopped; the rating is kept for the summary
	case s.phase == Baseline:
		s.baseline = pain
		if pain >= SeverePain {
			s.stop(fmt.Sprintf("pain is %d out of 10 before the start: too strong for massage", pain), false, now, emit)
			return
		}
		s.startStep(0, now, emit)
		return
	case s.phase == FinalPain:
		outcome := Completed
		if s.stopReason != "" {
			outcome = Stopped
		}
		s.finish(outcome, now, emit)
		return
	}
	rise := pain - s.baseline
	switch {
	case rise >= 2:
		s.stop(fmt.Sprintf("pain rose from %d to %d", s.baseline, pain), rise < 3, now, emit)
	case pain >= SeverePain:
		s.stop(fmt.Sprintf("pain is %d out of 10", pain), true, now, emit)
	case rise == 1 && s.strict:
		s.stop(fmt.Sprintf("pain rose from %d to %d; with gentle routines only, any rise ends the session", s.baseline, pain), false, now, emit)
	case rise == 1 && s.phase != Rest:
		if s.running() {
			s.freeze(now)
		}
		s.prompt = EasePrompt
		emit(Cue{Kind: CueEase, Step: s.idx, Text: fmt.Sprintf("pain rose from %d to %d: ease the pressure", s.baseline, pain)})
	case s.phase == CheckIn && s.prompt == NoPrompt:
		s.afterCheckIn(now, emit)
	}
}

// stop opens the stop prompt and freezes the clock. finishable says whether
// this reason alone still allows finishing gently.
func (s *Session) stop(reason string, finishable bool, now time.Time, emit func(Cue)) {
	if s.running() {
		s.freeze(now)
	}
	if s.prompt == StopPrompt {
		// A later reason can only make things stricter.
		s.canFinish = s.canFinish && finishable
		if !finishable {
			s.stopReason += "; " + reason
		}
	} else {
		s.prompt = StopPrompt
		s.stopReason = reason
		// Finishing gently replaces the massage that is left: there is
		// none before the first step, in the rest, or after finishing
		// gently once already.
		s.canFinish = finishable && !s.finishing && (s.phase == Step || s.phase == CheckIn)
	}
	emit(Cue{Kind: CueStop, Step: s.idx, Text: s.stopReason})
}

// closePrompt answers the ease-the-pressure prompt.
func (s *Session) closePrompt(now time.Time, emit func(Cue)) {
	s.prompt = NoPrompt
	switch s.phase {
	case CheckIn:
		s.afterCheckIn(now, emit)
	case Step:
		if !s.pausedByUser {
			s.unfreeze(now)
		}
	}
}

// finishGently replaces the rest of the session by one gentle stroking step
// of at most three minutes, then the rest.
func (s *Session) finishGently(now time.Time, emit func(Cue)) {
	left := s.sessionLeft(now)
	if left > MaxFinishGently {
		left = MaxFinishGently
	}
	if left < MinFinishGently {
		left = MinFinishGently
	}
	steps := make([]routines.Step, s.idx+1, s.idx+2)
	copy(steps, s.steps[:s.idx+1])
	s.steps = append(steps, gentleStep(s.routine.Area, left))
	s.finishing = true
	s.prompt, s.pausedByUser = NoPrompt, false
	s.startStep(s.idx+1, now, emit)
}

// sessionLeft is the planned massage time not yet given: what is left of the
// current step plus every later step.
func (s *Session) sessionLeft(now time.Time) time.Duration {
	var left time.Duration
	if s.phase == Step {
		left = s.remainingAt(now)
	}
	for _, st := range s.steps[s.idx+1:] {
		left += st.Duration
	}
	return left
}

// finish ends the session.
func (s *Session) finish(outcome Outcome, now time.Time, emit func(Cue)) {
	if s.prompt == StopPrompt {
		outcome = Stopped
	}
	s.phase, s.prompt, s.paused = Done, NoPrompt, false
	s.outcome = outcome
	emit(Cue{Kind: CueSessionEnd, Step: -1, Text: string(outcome)})
}
