package tui

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"knead/coach"
	"knead/practice"
	"knead/routines"
)

// PracticeOptions configure the tempo trainer.
type PracticeOptions struct {
	Routine   *routines.Routine
	StepIndex int
	Clock     coach.Clock // nil means the system clock
	Metronome bool
	Bell      bool
}

// Practice is the tempo trainer: the user taps space at each pass and sees
// their rhythm against the step's target. Nothing is massaged on a person,
// so it needs no screening.
type Practice struct {
	opts     PracticeOptions
	step     routines.Step
	target   practice.Target
	look     look
	st       styles
	width    int
	height   int
	taps     []time.Time
	finished bool
	beat     int
	beatGen  int
	// Result is the final statistics, set when the user finishes.
	Result practice.Stats
	// ExitCode is 130 after Ctrl-C.
	ExitCode int
}

// NewPractice builds the trainer for one step.
func NewPractice(opts PracticeOptions) *Practice {
	if opts.Clock == nil {
		opts.Clock = coach.SystemClock{}
	}
	step := opts.Routine.Steps[opts.StepIndex]
	return &Practice{opts: opts, step: step, target: practice.TargetFor(step), look: defaultLook(), st: defaultLook().styles()}
}

// Step is the step practised and Target its rhythm.
func (p *Practice) Step() routines.Step     { return p.step }
func (p *Practice) Target() practice.Target { return p.target }

// Finished reports whether the user ended the run (rather than quitting).
func (p *Practice) Finished() bool { return p.finished }

type beatMsg struct{ gen int }

func (p *Practice) metronome() tea.Cmd {
	if !p.opts.Metronome || p.target.Tempo <= 0 || p.target.TooFastToTap || p.finished {
		return nil
	}
	gen := p.beatGen
	return tea.Tick(p.target.Tempo, func(time.Time) tea.Msg { return beatMsg{gen: gen} })
}

// Init starts the metronome when asked for.
func (p *Practice) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, p.metronome())
}

// Update handles taps, the metronome and the end of the run.
func (p *Practice) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		p.width, p.height = msg.Width, msg.Height
	case tea.BackgroundColorMsg, tea.ColorProfileMsg:
		p.look.notice(msg)
		p.st = p.look.styles()
	case beatMsg:
		if msg.gen != p.beatGen || p.finished {
			return p, nil
		}
		p.beat++
		var bell tea.Cmd
		if p.opts.Bell {
			bell = tea.Raw("\a")
		}
		return p, tea.Batch(bell, p.metronome())
	case tea.KeyPressMsg:
		switch msg.String() {
		case "ctrl+c":
			p.ExitCode = 130
			return p, tea.Quit
		case "space":
			if !p.finished {
				p.taps = append(p.taps, p.opts.Clock.Now())
			}
		case "r":
			p.taps, p.finished, p.beat = nil, false, 0
			p.beatGen++
			return p, p.metronome()
		case "q", "enter", "esc":
			if p.finished {
				return p, tea.Quit
			}
			p.finished = true
			p.Result = practice.Measure(p.taps)
			p.beatGen++
		}
	}
	return p, nil
}

// View renders the trainer in the alternate screen.
func (p *Practice) View() tea.View {
	w, h := p.width, p.height
	if w <= 0 || h <= 0 {
		w, h = 80, 24
	}
	v := tea.NewView(fit(p.render(w), w, h))
	v.AltScreen = true
	v.WindowTitle = "knead practice"
	return v
}

func (p *Practice) render(w int) string {
	st := practice.Measure(p.taps)
	var b strings.Builder
	b.WriteString(p.st.warn.Render("Practice — nothing is massaged on a person") + "\n\n")
	b.WriteString(p.st.title.Render(p.step.Title) + p.st.subtle.Render(fmt.Sprintf(" · %s, step %d · %s", p.opts.Routine.ID, p.opts.StepIndex+1, p.step.Technique)) + "\n")
	b.WriteString(wrap(p.targetLine(), max(w-2, 10)) + "\n\n")
	if p.finished {
		b.WriteString(p.st.title.Render("Result") + "\n")
		b.WriteString(fmt.Sprintf("Passes: %d · average %s per pass · spread %s\n", st.Passes, secs(st.Mean), secs(st.Spread)))
		b.WriteString(p.st.accent.Render(practice.Verdict(st, p.target)) + "\n\n")
		b.WriteString(p.chart(st, w) + "\n")
		b.WriteString(p.st.help.Render("r practise again · q close"))
		return b.String()
	}
	if p.opts.Metronome && p.target.Tempo > 0 && !p.target.TooFastToTap {
		pulse := "○"
		if p.beat%2 == 1 {
			pulse = "●"
		}
		b.WriteString(p.st.accent.Render(pulse) + fmt.Sprintf(" metronome: beat %d\n", p.beat))
	}
	passes := fmt.Sprintf("Passes: %d", st.Passes)
	if p.target.Passes != nil {
		passes += " of " + p.target.Passes.String()
	}
	b.WriteString(p.st.title.Render(passes) + "\n")
	last := time.Duration(0)
	if n := len(st.Intervals); n > 0 {
		last = st.Intervals[n-1]
	}
	b.WriteString(fmt.Sprintf("Last pass %s · average %s · spread of the last %d: %s\n\n", secs(last), secs(st.Mean), practice.Window, secs(st.Spread)))
	b.WriteString(p.chart(st, w) + "\n")
	b.WriteString(p.st.help.Render("space at each pass · q finish · r start over"))
	return b.String()
}

func (p *Practice) targetLine() string {
	t := p.target
	switch {
	case t.TooFastToTap:
		return fmt.Sprintf("Target: %s to %s a strike, too fast to tap: practise the movement, the numbers are for reference (%s).", secs(t.Min), secs(t.Max), t.Source)
	case t.Tempo <= 0:
		return "No target tempo for this technique: aim for an even rhythm."
	case t.Min == t.Max:
		line := fmt.Sprintf("Target: one pass every %s", secs(t.Tempo))
		if t.Passes != nil {
			line += ", " + t.Passes.String() + " passes"
		}
		return line + " (from the routine)."
	}
	return fmt.Sprintf("Target: one pass every %s to %s (%s).", secs(t.Min), secs(t.Max), t.Source)
}

// chart draws the intervals as bars, newest on the right, the target as a
// dashed row.
func (p *Practice) chart(st practice.Stats, w int) string {
	if len(st.Intervals) == 0 {
		return p.st.subtle.Render("(the intervals appear here as you tap)")
	}
	cols := max(min(w-12, 60), 4)
	iv := st.Intervals[max(len(st.Intervals)-cols, 0):]
	top := p.target.Tempo * 2
	for _, d := range iv {
		top = max(top, d)
	}
	const rows = 6
	var b strings.Builder
	for r := rows; r >= 1; r-- {
		level := top * time.Duration(r) / rows
		label := "      "
		if r == rows {
			label = fmt.Sprintf("%5.1fs", top.Seconds())
		}
		b.WriteString(label + " │")
		targetRow := p.target.Tempo > 0 && p.target.Tempo > top*time.Duration(r-1)/rows && p.target.Tempo <= level
		for _, d := range iv {
			height := int(math.Round(float64(d) / float64(top) * rows))
			if height == 0 && d > 0 {
				height = 1
			}
			switch {
			case height >= r:
				b.WriteString("█")
			case targetRow:
				b.WriteString("-")
			default:
				b.WriteString(" ")
			}
		}
		if targetRow {
			b.WriteString(" target")
		}
		b.WriteString("\n")
	}
	b.WriteString("       └" + strings.Repeat("─", len(iv)) + " passes →")
	return b.String()
}

func secs(d time.Duration) string { return fmt.Sprintf("%.1f s", d.Seconds()) }

// RunPractice runs the trainer on the terminal behind in and out.
func RunPractice(opts PracticeOptions, in io.Reader, out io.Writer) (*Practice, error) {
	p := NewPractice(opts)
	final, err := tea.NewProgram(p, tea.WithInput(in), tea.WithOutput(out), tea.WithFPS(frameRate)).Run()
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		return nil, err
	}
	if fp, ok := final.(*Practice); ok {
		return fp, nil
	}
	return p, nil
}
