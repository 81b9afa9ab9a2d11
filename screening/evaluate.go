package screening

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// MissingAnswerError names a required question left unanswered. A missing
// answer is never read as "no".
type MissingAnswerError struct{ IDs []string }

func (e *MissingAnswerError) Error() string {
	return "no answer to " + strings.Join(e.IDs, ", ") + "; every question needs an answer (yes or no, a choice, or a number)"
}

// UnknownQuestionError names answers to questions that do not exist.
type UnknownQuestionError struct{ IDs []string }

func (e *UnknownQuestionError) Error() string {
	return "unknown question id " + strings.Join(e.IDs, ", ") + "; see knead screen --help for the ids"
}

// Evaluate turns answers into a clearance given at now. Every question that
// ToAsk lists must be answered: all of them, or those up to an answer that
// stops the massage. Every answer given to a question that counts is
// applied, also after such an answer, so the clearance names every reason;
// answers to follow-ups whose parent was "no" are ignored.
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
	var missing []string
	for _, x := range q.ToAsk(a) {
		if _, ok := a[x.ID]; !ok {
			missing = append(missing, x.ID)
		}
	}
	if len(missing) > 0 {
		return Clearance{}, &MissingAnswerError{IDs: missing}
	}
	c := Clearance{Level: Clear, For: mode, GivenAt: now}
	for _, x := range q.reachable(a) {
		ans, ok := a[x.ID]
		if !ok {
			continue
		}
		if err := x.accepts(ans); err != nil {
			return Clearance{}, err
		}
		c.apply(x, ans)
	}
	return c, nil
}

// accepts checks that ans is an answer q can take.
func (q *Question) accepts(ans Answer) error {
	if _, isNum := ans.Number(); isNum != (q.Type == Number) {
		return fmt.Errorf("answer to %s must be %s", q.ID, q.Hint())
	}
	if q.Type != Number {
		if _, ok := q.Option(ans.String()); !ok {
			return fmt.Errorf("answer to %s must be %s", q.ID, q.Hint())
		}
	}
	return nil
}

// apply adds what one answer means to the clearance.
func (c *Clearance) apply(x *Question, ans Answer) {
	level, why := x.Outcome(ans)
	if ans.IsYes() && x.Advice != "" {
		c.Advice = append(c.Advice, x.Advice)
	}
	lock := Lock("")
	if ans.IsYes() {
		lock = x.Locks
	}
	if level == Clear && lock == "" {
		return
	}
	next := ""
	if level == Stop || level == Urgent {
		next = x.Next // what to do applies to the answers that stop
	}
	c.Reasons = append(c.Reasons, Reason{
		Question:    x.ID,
		Label:       x.Label,
		Explanation: why,
		Next:        next,
		Sources:     x.Sources,
		Source:      x.Sources.String(),
		Level:       level,
		Locks:       lock,
	})
	if level.Worse(c.Level) {
		c.Level = level
	}
}
