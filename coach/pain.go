package coach

import (
	"fmt"
	"strings"
	"time"

	"knead/routines"
)

// rate applies a pain rating: the baseline, the final rating, or a report
// during the session that the stop rule compares with the baseline. Under
// the stop prompt the rule still applies: a worse rating names the worse
// pain and can withdraw finishing gently.
func (s *Session) rate(pain int, now time.Time, emit func(Cue)) {
	step := s.idx
	s.ratings = append(s.ratings, Rating{At: now, Pain: pain, Phase: s.phase, Step: step})
	switch {
	case s.phase == Baseline && s.prompt != StopPrompt:
		s.baseline, s.baselineGiven = pain, true
		if pain >= SeverePain {
			s.stop(stopCause{text: fmt.Sprintf("pain is %d out of 10 before the start, too strong for massage", pain), pain: pain}, false, now, emit)
			return
		}
		s.startStep(0, now, emit)
		return
	case s.phase == FinalPain:
		outcome := Completed
		switch {
		case len(s.causes) > 0:
			outcome = Stopped
		case s.count(skipped) > 0:
			outcome = Shortened
		}
		s.finish(outcome, now, emit)
		return
	case s.phase == Baseline:
		return // the pain before was already too strong
	}
	rise := pain - s.baseline
	limit := 2
	if s.strict {
		limit = 1
	}
	// Finishing gently stays possible only for a moderate rise under a
	// clear screening.
	finishable := !s.strict && rise < 3 && pain < SeverePain
	switch {
	case rise >= limit:
		text := fmt.Sprintf("pain rose from %d to %d", s.baseline, pain)
		if s.strict && rise < 2 {
			text += "; with gentle routines only, any rise ends the session"
		}
		s.stop(stopCause{text: text, pain: pain}, finishable, now, emit)
	case pain >= SeverePain:
		s.stop(stopCause{text: fmt.Sprintf("pain is %d out of 10", pain), pain: pain}, false, now, emit)
	case s.prompt == StopPrompt:
		return // below the rule: kept for the summary
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

// stopCause is one reason for stopping; pain is the rating it names, or -1.
type stopCause struct {
	text string
	pain int
}

// addCause keeps every reason for stopping, but only the worst pain: a
// higher rating replaces the lower one it would repeat.
func (s *Session) addCause(c stopCause) {
	for i, old := range s.causes {
		if c.text == old.text {
			return
		}
		if c.pain >= 0 && old.pain >= 0 {
			if c.pain > old.pain {
				s.causes[i] = c
			}
			return
		}
	}
	s.causes = append(s.causes, c)
}

// stopReason is every reason for stopping, in words.
func (s *Session) stopReason() string {
	texts := make([]string, len(s.causes))
	for i, c := range s.causes {
		texts[i] = c.text
	}
	return strings.Join(texts, "; ")
}

// stop opens the stop prompt and freezes the clock. finishable says whether
// this reason alone still allows finishing gently; a later reason can only
// make that stricter.
func (s *Session) stop(c stopCause, finishable bool, now time.Time, emit func(Cue)) {
	if s.running() {
		s.freeze(now)
	}
	if s.finishing && s.phase == Step {
		s.finishCut = true
	}
	s.addCause(c)
	if s.prompt == StopPrompt {
		s.canFinish = s.canFinish && finishable
	} else {
		s.prompt = StopPrompt
		// Finishing gently replaces the massage that is left: there is
		// none before the first step, in the rest, or after finishing
		// gently once already.
		s.canFinish = finishable && !s.finishing && (s.phase == Step || s.phase == CheckIn)
	}
	emit(Cue{Kind: CueStop, Step: s.idx, Text: s.stopReason()})
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
	s.status = append(s.status[:s.idx+1:s.idx+1], notRun)
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
	// A session ended at the stop prompt, or quit during the gentle finish
	// that followed a stop, was stopped.
	if s.prompt == StopPrompt || (s.finishing && outcome == EndedByUser) {
		outcome = Stopped
	}
	s.phase, s.prompt, s.paused = Done, NoPrompt, false
	s.outcome = outcome
	emit(Cue{Kind: CueSessionEnd, Step: -1, Text: string(outcome)})
}
