package plain

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"knead/screening"
)

// Disclaimer is shown before the first screening question.
const Disclaimer = "knead is not medical advice. Answer honestly; when in doubt, see a doctor before any massage."

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

// Remembered looks up a person's remembered standing answers and when they
// were confirmed; nil when there is no history.
type Remembered func(screening.Mode) (screening.Answers, time.Time)

// AskScreening runs the questionnaire as numbered prompts, after the
// disclaimer. "b" goes back to the previous question. When mode is empty it
// asks who is massaged first. With remembered answers (confirmed in the last
// 30 days) it shows them and asks once whether anything has changed; if not,
// only today's questions are asked.
func AskScreening(q *screening.Questionnaire, mode screening.Mode, p *Prompter, remembered Remembered) (screening.Mode, screening.Answers, error) {
	p.Say("%s", Disclaimer)
	p.Say("Answer y (yes) or n (no); b goes back to the previous question.")
	if mode == "" {
		m, err := AskMode(p)
		if err != nil {
			return "", nil, err
		}
		mode = m
	}
	answers := screening.Answers{}
	if remembered != nil {
		if kept, at := remembered(mode); len(kept) > 0 {
			changed := false
			err := p.Ask(fmt.Sprintf("Lasting conditions confirmed on %s: %s. Has anything changed? n nothing changed, y ask them again", at.Local().Format("2 Jan 2006"), q.Summary(kept)), func(s string) error {
				switch strings.ToLower(s) {
				case "n", "no", "":
					changed = false
				case "y", "yes":
					changed = true
				default:
					return errors.New("type n (nothing changed) or y (something changed)")
				}
				return nil
			})
			if err != nil {
				return "", nil, fmt.Errorf("before the first question: %w", err)
			}
			if !changed {
				for id, a := range kept {
					answers[id] = a
				}
			}
		}
	}
	var history []string
	for x := q.Next(answers); x != nil; x = q.Next(answers) {
		n := len(history) + 1
		hint := "[y/n]"
		if x.Type == screening.Number {
			hint = "[number]"
		}
		back := false
		err := p.Ask(fmt.Sprintf("%d. %s %s", n, x.Text(mode), hint), func(s string) error {
			if (s == "b" || s == "back") && len(history) > 0 {
				back = true
				return nil
			}
			a, err := screening.ParseAnswer(x, s)
			if err != nil {
				return err
			}
			answers[x.ID] = a
			return nil
		})
		if err != nil {
			return "", nil, fmt.Errorf("question %d (%s) was not answered: %w; every question needs an answer", n, x.ID, err)
		}
		if back {
			prev := history[len(history)-1]
			history = history[:len(history)-1]
			forgetFrom(q, answers, prev)
			continue
		}
		history = append(history, x.ID)
	}
	return mode, answers, nil
}

// forgetFrom drops the answer to id and to every follow-up under it, so that
// going back re-asks them.
func forgetFrom(q *screening.Questionnaire, a screening.Answers, id string) {
	delete(a, id)
	if x, ok := q.Question(id); ok {
		for _, f := range x.FollowUps {
			forgetFrom(q, a, f.ID)
		}
	}
}
