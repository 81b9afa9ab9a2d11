package cli

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/spf13/cobra"

	"knead/screening"
)

// Exit statuses of `knead screen`, so that `knead screen && ...` works.
const (
	ExitStop   = 3
	ExitUrgent = 4
)

// Disclaimer is shown before the first screening question.
const Disclaimer = "knead is not medical advice. Answer honestly; when in doubt, see a doctor before any massage."

type screenOptions struct {
	*globalOptions
	answers string
	json    bool
}

func newScreenCmd(g *globalOptions) *cobra.Command {
	opts := &screenOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "screen",
		Short: "Answer the screening questions: is massage safe today?",
		Long: `Runs the screening questionnaire and prints the clearance: clear, gentle
(gentle routines only), stop (no massage today) or urgent (see a doctor now),
with the reason for each limit and what to do next.

Exit status: 0 clear or gentle, 3 stop, 4 urgent, 1 error.

Question ids, for --answers files: ` + strings.Join(questionIDs(), ", ") + `.`,
		Example: `  knead screen
  knead screen --for partner
  printf 'n\n...' | knead screen --accessible --for self
  knead screen --answers answers.yaml --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runScreen(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.answers, "answers", "", "read the answers from a YAML or JSON `FILE` of id: yes/no/number")
	f.BoolVar(&opts.json, "json", false, "print the clearance as JSON")
	return cmd
}

func questionIDs() []string {
	var ids []string
	for _, q := range screening.Default().All() {
		ids = append(ids, q.ID)
	}
	return ids
}

func runScreen(cmd *cobra.Command, opts *screenOptions) error {
	q := screening.Default()
	mode, err := opts.mode()
	if err != nil {
		return err
	}
	var answers screening.Answers
	switch {
	case opts.answers != "":
		if mode == "" {
			mode = screening.Self
		}
		answers, err = readAnswersFile(q, opts.answers)
	case opts.accessible:
		prompts := cmd.OutOrStdout()
		if opts.json {
			prompts = cmd.ErrOrStderr()
		}
		mode, answers, err = askLines(q, mode, newLinePrompter(cmd.InOrStdin(), prompts))
	default:
		if !isTerminal(cmd.InOrStdin()) {
			return errors.New("standard input is not a terminal: use --accessible to answer line by line, or --answers FILE")
		}
		mode, answers, err = askForm(q, mode, cmd.InOrStdin(), cmd.OutOrStdout())
	}
	if err != nil {
		return err
	}
	c, err := q.Evaluate(mode, answers, time.Now())
	if err != nil {
		return err
	}
	lib := loadLibrary(cmd.ErrOrStderr())
	allowed := c.Allowed(lib.All())
	if opts.json {
		if err := writeClearanceJSON(cmd.OutOrStdout(), c, allowed); err != nil {
			return err
		}
	} else {
		printClearance(cmd.OutOrStdout(), c, allowed)
	}
	return clearanceExit(c.Level)
}

// clearanceExit maps a level to the command's exit status.
func clearanceExit(l screening.Level) error {
	switch l {
	case screening.Stop:
		return silentExit(ExitStop)
	case screening.Urgent:
		return silentExit(ExitUrgent)
	}
	return nil
}

// readAnswersFile reads a YAML or JSON map of question id to yes, no or a
// number (JSON is YAML, so one parser reads both).
func readAnswersFile(q *screening.Questionnaire, path string) (screening.Answers, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--answers: %w", err)
	}
	var raw map[string]any
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("--answers %s: not a YAML or JSON map of question id to yes/no/number: %s", path, firstLine(err.Error()))
	}
	if raw == nil {
		return nil, fmt.Errorf("--answers %s: the file holds no answers", path)
	}
	answers := screening.Answers{}
	var unknown []string
	for id, v := range raw {
		question, ok := q.Question(id)
		if !ok {
			unknown = append(unknown, id)
			continue
		}
		a, err := screening.AnswerFromValue(question, v)
		if err != nil {
			return nil, fmt.Errorf("--answers %s: %w", path, err)
		}
		answers[id] = a
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, fmt.Errorf("--answers %s: unknown question id %s; valid ids: %s", path, strings.Join(unknown, ", "), strings.Join(questionIDs(), ", "))
	}
	return answers, nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// askLines runs the questionnaire as numbered plain-text prompts.
func askLines(q *screening.Questionnaire, mode screening.Mode, p *linePrompter) (screening.Mode, screening.Answers, error) {
	fmt.Fprintln(p.out, Disclaimer)
	fmt.Fprintln(p.out, "Answer y (yes) or n (no); b goes back to the previous question.")
	if mode == "" {
		err := p.ask("Who is being massaged? 1) me  2) my partner", func(s string) error {
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
			return "", nil, fmt.Errorf("before the first question: %w", err)
		}
	}
	answers := screening.Answers{}
	var history []string
	for x := q.Next(answers); x != nil; x = q.Next(answers) {
		n := len(history) + 1
		hint := "[y/n]"
		if x.Type == screening.Number {
			hint = "[number]"
		}
		back := false
		err := p.ask(fmt.Sprintf("%d. %s %s", n, x.Text(mode), hint), func(s string) error {
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
