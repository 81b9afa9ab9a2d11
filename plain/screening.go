package plain

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"knead/guide"
	"knead/screening"
)

// ErrScreeningCancelled says the user left the questionnaire before the
// end; no clearance was given.
var ErrScreeningCancelled = guide.ErrScreeningCancelled

// Disclaimer is shown before the first screening question.
const Disclaimer = "knead is not medical advice. Answer honestly; when in doubt, see a doctor before any massage."

// sayDisclaimer says what knead is not, and how to answer.
func sayDisclaimer(p *Prompter) {
	p.Say("%s", Disclaimer)
	p.Say("Answer each question with the letter shown; b goes back to the previous question, ? lists the answers, q leaves.")
}

// AskMode asks who is massaged.
func AskMode(p *Prompter) (screening.Mode, error) {
	var mode screening.Mode
	err := p.Ask("Who is being massaged? 1) me  2) my partner", func(s string) error {
		switch strings.ToLower(s) {
		case "1", "me", "self":
			mode = screening.Self
		case "2", "partner", "my partner":
			mode = screening.Partner
		default:
			return errors.New("type 1 (me) or 2 (my partner)")
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("before the first question: %w", err)
	}
	return mode, nil
}

// Remembered looks up a person's remembered standing answers and the date
// they were last all answered; nil when there is nothing remembered.
type Remembered func(screening.Mode) (screening.Answers, time.Time)

// AskScreening runs the questionnaire as numbered prompts, after the
// disclaimer. "b" goes back to the previous question. When mode is empty it
// asks who is massaged first. With remembered answers it names them and
// asks once whether anything has changed; if not, their questions are
// skipped. An empty line never answers a question. It returns the walk,
// which holds the answers and says which of them were given afresh.
func AskScreening(q *screening.Questionnaire, mode screening.Mode, name string, p *Prompter, remembered Remembered) (*screening.Walk, error) {
	sayDisclaimer(p)
	if mode == "" {
		m, err := AskMode(p)
		if err != nil {
			return nil, err
		}
		mode = m
	}
	var kept screening.Answers
	var at time.Time
	if remembered != nil {
		kept, at = remembered(mode)
	}
	w := screening.NewWalk(q, mode, name, kept, at)
	if err := askWalk(w, p); err != nil {
		return nil, err
	}
	return w, nil
}

// askWalk asks the walk's questions until it is done.
func askWalk(w *screening.Walk, p *Prompter) error {
	for !w.Done() {
		if w.Confirming() {
			err := p.Ask(w.KeptPrompt()+" Has anything changed? n nothing changed, y ask them again", func(s string) error {
				switch strings.ToLower(s) {
				case "n", "no":
					w.Confirm(true)
				case "y", "yes":
					w.Confirm(false)
				default:
					return errors.New("type n (nothing has changed) or y (something changed: ask again)")
				}
				return nil
			})
			if err != nil {
				return fmt.Errorf("before the first question: %w", err)
			}
			continue
		}
		x := w.Current()
		n, total := w.Position()
		hint := optionKeys(x)
		if x.Type == screening.Number {
			hint = "number of days"
		}
		if a, ok := w.Earlier(x); ok {
			hint += ", before: " + a.String()
		}
		quit := false
		err := p.Ask(fmt.Sprintf("%d of %d. %s [%s]", n, total, w.Text(x), hint), func(s string) error {
			switch strings.ToLower(s) {
			case "b", "back":
				if !w.Back() {
					return errors.New("this is the first question: answer it, or type q to leave without a screening")
				}
				return nil
			case "q", "quit":
				quit = true
				return nil
			case "?", "help":
				return fmt.Errorf("answer with %s; b goes back, q leaves without a screening", x.Hint())
			case "w", "s", "p":
				if x.Type != screening.Choice {
					return fmt.Errorf("nothing is running yet: answer with %s", x.Hint())
				}
			}
			return w.AnswerText(s)
		})
		if err != nil {
			return fmt.Errorf("question %d was not answered: %w; every question needs an answer", n, err)
		}
		if quit {
			return ErrScreeningCancelled
		}
	}
	return nil
}

// optionKeys lists a question's answers for a prompt: "y/n", or with the
// meaning when there are more than two: "y yes / n no / p there is no back
// pain".
func optionKeys(x *screening.Question) string {
	opts := x.Options()
	parts := make([]string, len(opts))
	for i, o := range opts {
		if len(opts) == 2 {
			parts[i] = o.Key
		} else {
			parts[i] = o.Key + " " + strings.ToLower(o.Label)
		}
	}
	return strings.Join(parts, "/")
}
