package screening

import (
	"fmt"
	"strconv"
	"strings"
)

// Answer is one answer: yes, no, or a whole number.
type Answer struct {
	yes    bool
	number int
	isNum  bool
}

// Yes and No are the two yes/no answers.
var (
	Yes = Answer{yes: true}
	No  = Answer{}
)

// NumberAnswer is the answer to a number question.
func NumberAnswer(n int) Answer { return Answer{number: n, isNum: true} }

// IsYes reports whether the answer is yes.
func (a Answer) IsYes() bool { return !a.isNum && a.yes }

// Number returns the number given, and whether the answer was a number.
func (a Answer) Number() (int, bool) { return a.number, a.isNum }

// String is "yes", "no" or the number, the form answers files use.
func (a Answer) String() string {
	switch {
	case a.isNum:
		return strconv.Itoa(a.number)
	case a.yes:
		return "yes"
	}
	return "no"
}

// Answers maps question ids to answers.
type Answers map[string]Answer

// ParseAnswer reads a typed answer: y, yes, true / n, no, false for yes/no
// questions, a whole number from 0 to 36500 for number questions. The error
// says what would be valid.
func ParseAnswer(q *Question, text string) (Answer, error) {
	s := strings.ToLower(strings.TrimSpace(text))
	if q.Type == Number {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 36500 {
			return Answer{}, fmt.Errorf("answer %s with a whole number of days, like 20", q.ID)
		}
		return NumberAnswer(n), nil
	}
	switch s {
	case "y", "yes", "true":
		return Yes, nil
	case "n", "no", "false":
		return No, nil
	}
	return Answer{}, fmt.Errorf("answer %s with y (yes) or n (no)", q.ID)
}

// AnswerFromValue converts a value decoded from a YAML or JSON answers file
// (a bool, a string or a number) into an answer to q.
func AnswerFromValue(q *Question, v any) (Answer, error) {
	switch x := v.(type) {
	case bool:
		if q.Type == Number {
			return Answer{}, fmt.Errorf("%s needs a number of days, not %v", q.ID, x)
		}
		if x {
			return Yes, nil
		}
		return No, nil
	case string:
		return ParseAnswer(q, x)
	case int, int64, uint64, float64:
		return ParseAnswer(q, fmt.Sprint(x))
	}
	return Answer{}, fmt.Errorf("%s needs yes, no or a number, not %v", q.ID, v)
}
