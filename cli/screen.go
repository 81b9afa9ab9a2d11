package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/goccy/go-yaml"
	"github.com/spf13/cobra"

	"knead/inputs"
	"knead/journal"
	"knead/plain"
	"knead/routines"
	"knead/screening"
	"knead/tui"
)

type screenOptions struct {
	*globalOptions
	answers string
	json    bool
}

func newScreenCmd(g *globalOptions) *cobra.Command {
	opts := &screenOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "screen",
		Short: "Screening: is massage safe today?",
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
	f.StringVar(&opts.answers, "answers", "", "read the answers from a YAML or JSON file of id: yes/no/number")
	f.BoolVar(&opts.json, "json", false, "print the clearance as JSON")
	g.register(cmd, screenFlags...)
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
	cfg, err := opts.settings(cmd)
	if err != nil {
		return err
	}
	mode := modeOf(cfg)
	partner := routines.Clean(cfg.Partner)
	if partner != "" && mode == "" {
		mode = screening.Partner // as knead start takes it
	}
	if err := journal.CheckNewPartnerName(partner); err != nil && mode != screening.Self {
		return fmt.Errorf("--partner: %w", err)
	}
	if opts.answers == "" {
		if err := needTerminal(cmd, cfg.Accessible); err != nil {
			return err
		}
	}
	store := openJournal(cmd.ErrOrStderr())
	if store != nil {
		defer store.Close()
	}
	var remember plain.Remembered
	if store != nil {
		remember = func(mode screening.Mode) (screening.Answers, time.Time) {
			return store.Recall(partner, mode, q, time.Now())
		}
	}
	var answers, fresh screening.Answers
	switch {
	case opts.answers != "":
		if mode == "" {
			mode = screening.Self
		}
		answers, err = readAnswersFile(q, opts.answers)
		fresh = answers
	case cfg.Accessible:
		prompts := cmd.OutOrStdout()
		if opts.json {
			prompts = cmd.ErrOrStderr()
		}
		var walk *screening.Walk
		walk, err = plain.AskScreening(q, mode, partner, plain.NewPrompter(cmd.InOrStdin(), prompts), remember)
		if err == nil {
			mode, answers, fresh = walk.Mode(), walk.Answers(), walk.Fresh()
		}
	default:
		var walk *screening.Walk
		walk, err = tui.AskScreening(q, mode, partner, remember, cmd.InOrStdin(), cmd.OutOrStdout())
		var interrupted tui.Interrupted
		if errors.As(err, &interrupted) {
			fmt.Fprintf(cmd.ErrOrStderr(), "knead: %v\n", err)
			return silentExit(interrupted.Status)
		}
		if err == nil {
			mode, answers, fresh = walk.Mode(), walk.Answers(), walk.Fresh()
		}
	}
	if err != nil {
		return err
	}
	c, err := q.Evaluate(mode, answers, time.Now())
	if err != nil {
		return err
	}
	if mode == screening.Partner {
		c.Name = partner
	}
	if store != nil {
		if _, err := store.RecordScreening(partner, mode, q, c, fresh); err != nil {
			fmt.Fprintf(cmd.ErrOrStderr(), "knead: the screening could not be saved: %v\n", err)
		}
	}
	lib := loadLibrary(cmd.ErrOrStderr())
	allowed := c.Allowed(lib.All())
	if opts.json {
		if err := plain.WriteClearanceJSON(cmd.OutOrStdout(), c, allowed); err != nil {
			return err
		}
	} else {
		plain.WriteClearance(cmd.OutOrStdout(), c, allowed, wrapWidth(cmd.OutOrStdout(), !cfg.Accessible && opts.answers == ""))
	}
	return clearanceExit(c.Level)
}

// clearanceExit maps a level to the command's exit status.
func clearanceExit(l screening.Level) error {
	if code := l.ExitStatus(); code != 0 {
		return silentExit(code)
	}
	return nil
}

// maxAnswersSize bounds an answers file: one line per question is a
// kilobyte or two.
const maxAnswersSize = 64 << 10

// answersShape bounds an answers file's structure before it is parsed: one
// flat mapping of question id to a value.
var answersShape = inputs.Shape{Depth: 4, Nodes: 500, Indent: 16}

// readAnswersFile reads a YAML or JSON map of question id to yes, no or a
// number (JSON is YAML, so one parser reads both).
func readAnswersFile(q *screening.Questionnaire, path string) (screening.Answers, error) {
	data, err := inputs.Read(path, maxAnswersSize)
	if err != nil {
		return nil, fmt.Errorf("--answers %s: %w", routines.Clean(path), err)
	}
	return parseAnswers(q, path, data)
}

// parseAnswers reads the answers in data, from the file at path.
func parseAnswers(q *screening.Questionnaire, path string, data []byte) (screening.Answers, error) {
	if err := answersShape.Check(data); err != nil {
		return nil, fmt.Errorf("--answers %s: %w", routines.Clean(path), err)
	}
	var raw map[string]any
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("--answers %s: not a YAML or JSON map of question id to yes/no/number: %s", routines.Clean(path), routines.Excerpt(firstLine(err.Error()), 120))
	}
	if raw == nil {
		return nil, fmt.Errorf("--answers %s: the file holds no answers", routines.Clean(path))
	}
	answers := screening.Answers{}
	var unknown, retired []string
	for id, v := range raw {
		if msg, ok := screening.Retired(id); ok {
			retired = append(retired, msg)
			continue
		}
		question, ok := q.Question(id)
		if !ok {
			unknown = append(unknown, id)
			continue
		}
		a, err := screening.AnswerFromValue(question, v)
		if err != nil {
			return nil, fmt.Errorf("--answers %s: %w", routines.Clean(path), err)
		}
		answers[id] = a
	}
	if len(retired) > 0 {
		sort.Strings(retired)
		return nil, fmt.Errorf("--answers %s: %s", routines.Clean(path), strings.Join(retired, "; "))
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		for i, id := range unknown {
			unknown[i] = routines.Excerpt(id, 40)
		}
		return nil, fmt.Errorf("--answers %s: unknown question id %s; valid ids: %s", routines.Clean(path), strings.Join(unknown, ", "), strings.Join(questionIDs(), ", "))
	}
	return answers, nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// wrapWidth is the terminal's width when the result follows a full-screen
// form on it; 0 (no wrapping) for pipes, files and the accessible face.
func wrapWidth(out io.Writer, fullScreen bool) int {
	f, ok := out.(*os.File)
	if !fullScreen || !ok {
		return 0
	}
	w, _, err := term.GetSize(f.Fd())
	if err != nil {
		return 0
	}
	return w
}
