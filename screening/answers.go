package screening

import (
	"fmt"
	"strconv"
	"strings"

	"knead/routines"
)

// Answer is one answer: an option's value (yes, no, or a choice), or a
// whole number.
type Answer struct {
	value  string
	number int
	isNum  bool
}

// Yes and No are the two yes/no answers.
var (
	Yes = Answer{value: "yes"}
	No  = Answer{value: "no"}
)

// NumberAnswer is the answer to a number question.
func NumberAnswer(n int) Answer { return Answer{number: n, isNum: true} }

// OptionAnswer is the answer that picks an option by its value.
func OptionAnswer(value string) Answer { return Answer{value: value} }

// IsYes reports whether the answer is yes.
func (a Answer) IsYes() bool { return !a.isNum && a.value == "yes" }

// Number returns the number given, and whether the answer was a number.
func (a Answer) Number() (int, bool) { return a.number, a.isNum }

// String is the option's value or the number, the form answers files use.
func (a Answer) String() string {
	if a.isNum {
		return strconv.Itoa(a.number)
	}
	return a.value
}

// Answers maps question ids to answers.
type Answers map[string]Answer

// ParseAnswer reads a typed answer: an option's value or key (y, yes, true /
// n, no, false for yes/no questions), or a whole number from 0 to 36500 for
// number questions. The error says what would be valid.
func ParseAnswer(q *Question, text string) (Answer, error) {
	s := strings.ToLower(strings.TrimSpace(text))
	if q.Type == Number {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 36500 {
			return Answer{}, fmt.Errorf("answer with a whole number of days from 0 to 36500, like 20")
		}
		return NumberAnswer(n), nil
	}
	switch s {
	case "true":
		s = "yes"
	case "false":
		s = "no"
	}
	for _, o := range q.Options() {
		if s == o.Value || s == o.Key {
			return OptionAnswer(o.Value), nil
		}
	}
	return Answer{}, fmt.Errorf("answer with %s", q.Hint())
}

// Hint says how to answer q: "y (yes) or n (no)".
func (q *Question) Hint() string {
	if q.Type == Number {
		return "a whole number of days"
	}
	opts := q.Options()
	parts := make([]string, len(opts))
	for i, o := range opts {
		parts[i] = fmt.Sprintf("%s (%s)", o.Key, strings.ToLower(o.Label))
	}
	if len(parts) == 2 {
		return parts[0] + " or " + parts[1]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

// AnswerFromValue converts a value decoded from a YAML or JSON answers file
// (a bool, a string or a number) into an answer to q.
func AnswerFromValue(q *Question, v any) (Answer, error) {
	switch x := v.(type) {
	case bool:
		if q.Type == Number {
			return Answer{}, fmt.Errorf("%s needs a number of days, not %s", q.ID, excerpt(x))
		}
		if x {
			return ParseAnswer(q, "yes")
		}
		return ParseAnswer(q, "no")
	case string, int, int64, uint64, float64:
		a, err := ParseAnswer(q, fmt.Sprint(x))
		if err != nil {
			return Answer{}, fmt.Errorf("%s needs %s, not %s", q.ID, q.Values(), excerpt(x))
		}
		return a, nil
	}
	return Answer{}, fmt.Errorf("%s needs %s", q.ID, q.Values())
}

// excerpt quotes a value from an answers file back, cleaned and short.
func excerpt(v any) string { return routines.Excerpt(fmt.Sprint(v), 40) }

// Values says which values an answers file may give q: "yes or no",
// "yes, no or no-pain", "a whole number of days".
func (q *Question) Values() string {
	if q.Type == Number {
		return "a whole number of days from 0 to 36500"
	}
	opts := q.Options()
	vals := make([]string, len(opts))
	for i, o := range opts {
		vals[i] = o.Value
	}
	return strings.Join(vals[:len(vals)-1], ", ") + " or " + vals[len(vals)-1]
}
