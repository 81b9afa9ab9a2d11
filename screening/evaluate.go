package screening

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"knead/routines"
)

// MissingAnswerError names a required question left unanswered. A missing
// answer is never read as "no".
type MissingAnswerError struct{ IDs []string }

func (e *MissingAnswerError) Error() string {
	return "no answer to " + strings.Join(e.IDs, ", ") + "; every question needs a yes or no (or a number)"
}

// UnknownQuestionError names answers to questions that do not exist.
type UnknownQuestionError struct{ IDs []string }

func (e *UnknownQuestionError) Error() string {
	return "unknown question id " + strings.Join(e.IDs, ", ") + "; see `knead screen --help` for the ids"
}

// Evaluate turns answers into a clearance given at now. Every question that
// ToAsk lists must be answered; answers to follow-ups whose parent was "no"
// are ignored.
func (q *Questionnaire) Evaluate(mode Mode, a Answers, now time.Time) (Clearance, error) {
	var unknown []string
	for id := range a {
		if _, ok := q.byID[id]; !ok {
			unknown = append(unknown, id)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return Clearance{}, &UnknownQuestionError{IDs: unknown}
	}
	c := Clearance{Level: Clear, For: mode, GivenAt: now}
	var missing []string
	for _, x := range q.ToAsk(a) {
		ans, ok := a[x.ID]
		if !ok {
			missing = append(missing, x.ID)
			continue
		}
		if _, isNum := ans.Number(); isNum != (x.Type == Number) {
			return Clearance{}, fmt.Errorf("answer to %s must be %s", x.ID, map[bool]string{true: "a number", false: "yes or no"}[x.Type == Number])
		}
		c.apply(x, ans)
	}
	if len(missing) > 0 {
		return Clearance{}, &MissingAnswerError{IDs: missing}
	}
	return c, nil
}

// apply adds what one answer means to the clearance.
func (c *Clearance) apply(x *Question, ans Answer) {
	level, why := Clear, ""
	if n, isNum := ans.Number(); isNum {
		if n < x.StopBelow {
			level, why = Stop, x.WhyBelow
		}
	} else if ans.IsYes() {
		level, why = x.OnYes, x.Why
		if x.Advice != "" {
			c.Advice = append(c.Advice, x.Advice)
		}
	} else {
		level, why = x.OnNo, x.WhyNo
	}
	if level == "" || level == Clear {
		return
	}
	c.Reasons = append(c.Reasons, Reason{
		Question:    x.ID,
		Label:       x.Label,
		Explanation: why,
		Source:      x.Source,
		Level:       level,
		Area:        routines.Area(x.OnlyArea),
	})
	if level.Worse(c.Level) {
		c.Level = level
	}
}
