package tui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"knead/plain"
	"knead/screening"
)

// Disclaimer is shown before the first screening question.
const Disclaimer = plain.Disclaimer

// Remembered looks up a person's remembered standing answers once the form
// knows who is massaged; nil when nothing is remembered.
type Remembered = plain.Remembered

// formResult is what a key did to the screening form.
type formResult uint8

// Possible formResult values.
const (
	formOpen formResult = iota
	formDone
	// formQuit: the user quit; no clearance is given.
	formQuit
	// formLeave: the user went back past the first page.
	formLeave
)

// screeningForm shows the questionnaire one question a page, every option
// of the question always on screen: the page is laid out so that the
// options survive any window size, the question wraps above them, and the
// key help goes first when space runs out. The walk decides what is asked;
// the form only draws it and turns keys into answers.
type screeningForm struct {
	q          *screening.Questionnaire
	name       string
	remembered Remembered
	// disclaimer is shown on the first page when no earlier screen did.
	disclaimer bool

	// whoAsked is set when the form's first page asks who is massaged.
	whoAsked bool
	// answered counts the answers given, to show the disclaimer only
	// before the first.
	answered int

	walk    *screening.Walk
	cursor  int    // the option under the cursor, -1 for none
	typed   string // the number being typed
	problem string // why the last key did nothing
	help    bool   // the full key list is open
}

// whoOptions are the answers of the who-is-massaged page.
var whoOptions = []screening.Option{
	{Value: string(screening.Self), Key: "1", Label: "Me (self-massage)"},
	{Value: string(screening.Partner), Key: "2", Label: "My partner"},
}

// keptOptions are the answers of the remembered-answers page.
var keptOptions = []screening.Option{
	{Value: "keep", Key: "n", Label: "Nothing has changed"},
	{Value: "ask", Key: "y", Label: "Something changed: ask again"},
}

// newScreeningForm starts the form. With an empty mode its first page asks
// who is massaged, then looks up what is remembered about that person.
func newScreeningForm(q *screening.Questionnaire, mode screening.Mode, name string, remembered Remembered, disclaimer bool) *screeningForm {
	f := &screeningForm{q: q, name: name, remembered: remembered, disclaimer: disclaimer, cursor: -1, whoAsked: mode == ""}
	if mode != "" {
		f.begin(mode)
	}
	return f
}

// newWalkForm draws a walk the guided flow has started.
func newWalkForm(w *screening.Walk, disclaimer bool) *screeningForm {
	f := &screeningForm{disclaimer: disclaimer, walk: w}
	f.settle()
	return f
}

// begin starts the walk once the mode is known.
func (f *screeningForm) begin(mode screening.Mode) {
	var kept screening.Answers
	var at time.Time
	if f.remembered != nil {
		kept, at = f.remembered(mode)
	}
	f.walk = screening.NewWalk(f.q, mode, f.name, kept, at)
	f.settle()
}

// options are the answers of the page shown now.
func (f *screeningForm) options() []screening.Option {
	switch {
	case f.walk == nil:
		return whoOptions
	case f.walk.Confirming():
		return keptOptions
	}
	if x := f.walk.Current(); x != nil {
		return x.Options()
	}
	return nil
}

// settle puts the cursor on the answer given before, if any, after the page
// changed.
func (f *screeningForm) settle() {
	f.cursor, f.typed = -1, ""
	if f.walk == nil || f.walk.Confirming() {
		return
	}
	x := f.walk.Current()
	if x == nil {
		return
	}
	a, ok := f.walk.Earlier(x)
	if !ok {
		return
	}
	if n, isNum := a.Number(); isNum {
		f.typed = fmt.Sprint(n)
		return
	}
	for i, o := range x.Options() {
		if o.Value == a.String() {
			f.cursor = i
		}
	}
}

// number reports whether the page takes a typed number.
func (f *screeningForm) number() bool {
	if f.walk == nil || f.walk.Confirming() {
		return false
	}
	x := f.walk.Current()
	return x != nil && x.Type == screening.Number
}

// update takes one key.
func (f *screeningForm) update(k tea.KeyPressMsg) formResult {
	f.problem = ""
	key := k.String()
	switch key {
	case "?":
		f.help = !f.help
		return formOpen
	case "q":
		return formQuit
	case "shift+tab", "esc", "b", "left":
		return f.back()
	case "up", "k":
		f.move(-1)
		return formOpen
	case "down", "j", "tab":
		f.move(1)
		return formOpen
	case "enter", "right":
		if f.number() {
			return f.choose(f.typed)
		}
		opts := f.options()
		if f.cursor < 0 || f.cursor >= len(opts) {
			f.problem = "Choose an answer: " + keysText(opts) + ", or ↑/↓ then enter."
			return formOpen
		}
		return f.choose(opts[f.cursor].Value)
	}
	if f.number() {
		switch {
		case key == "backspace":
			if f.typed != "" {
				f.typed = f.typed[:len(f.typed)-1]
			}
		case len(key) == 1 && key[0] >= '0' && key[0] <= '9' && len(f.typed) < 5:
			f.typed += key
		default:
			f.problem = "Type the number of days, then enter."
		}
		return formOpen
	}
	for _, o := range f.options() {
		if key == o.Key {
			return f.choose(o.Value)
		}
	}
	switch key {
	case "w", "s", "space":
		f.problem = "Nothing is running yet: answer the question first. " + keysText(f.options()) + "."
	default:
		f.problem = "Answer with " + keysText(f.options()) + "."
	}
	return formOpen
}

// move moves the cursor among the options, stopping at the ends.
func (f *screeningForm) move(d int) {
	n := len(f.options())
	if n == 0 {
		return
	}
	if f.cursor < 0 {
		f.cursor = map[bool]int{true: 0, false: n - 1}[d > 0]
		return
	}
	f.cursor = min(max(f.cursor+d, 0), n-1)
}

// choose answers the page with value.
func (f *screeningForm) choose(value string) formResult {
	f.answered++
	switch {
	case f.walk == nil:
		f.begin(screening.Mode(value))
	case f.walk.Confirming():
		f.walk.Confirm(value == "keep")
		f.settle()
	default:
		if err := f.walk.AnswerText(value); err != nil {
			f.problem = capitalize(err.Error()) + "."
			return formOpen
		}
		f.settle()
	}
	if f.walk != nil && f.walk.Done() {
		return formDone
	}
	return formOpen
}

// back goes to the page before; going back never needs an answer first.
func (f *screeningForm) back() formResult {
	if f.walk != nil && f.walk.Back() {
		f.settle()
		return formOpen
	}
	if f.walk != nil && f.whoAsked {
		f.walk = nil
		f.cursor = -1
		return formOpen
	}
	return formLeave
}

// keysText lists the option keys: "y yes · n no".
func keysText(opts []screening.Option) string {
	parts := make([]string, len(opts))
	for i, o := range opts {
		parts[i] = o.Key + " " + strings.ToLower(o.Label)
	}
	return strings.Join(parts, " · ")
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
