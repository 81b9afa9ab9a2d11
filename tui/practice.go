package tui

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"knead/coach"
	"knead/practice"
	"knead/routines"
)

// PracticeOptions configure the tempo trainer.
type PracticeOptions struct {
	Routine *routines.Routine
	// StepIndex is the step to practise; negative to choose it from a
	// list first.
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
	// choosing is true while the step is picked from the list; cursor is
	// the step under it.
	choosing bool
	cursor   int
	// showHelp is true while the key list that ? opens is shown.
	showHelp bool
	// Result is the final statistics, set when the user finishes.
	Result practice.Stats
	// ExitCode is 130 after Ctrl-C, 129 after a closed terminal, 143
	// after a kill (SIGTERM).
	ExitCode int
}

// NewPractice builds the trainer for one step.
func NewPractice(opts PracticeOptions) *Practice {
	if opts.Clock == nil {
		opts.Clock = coach.SystemClock{}
	}
	p := &Practice{opts: opts, look: defaultLook(), st: defaultLook().styles()}
	if opts.StepIndex < 0 || opts.StepIndex >= len(opts.Routine.Steps) {
		p.choosing, p.cursor = true, firstWithTempo(opts.Routine)
		return p
	}
	p.choose(opts.StepIndex)
	return p
}

// firstWithTempo is the first step with a tempo of its own, the one most
// worth practising, or the first step.
func firstWithTempo(r *routines.Routine) int {
	for i, s := range r.Steps {
		if s.Tempo > 0 {
			return i
		}
	}
	return 0
}

// choose sets the step to practise.
func (p *Practice) choose(i int) {
	p.opts.StepIndex, p.step = i, p.opts.Routine.Steps[i]
	p.target, p.choosing = practice.TargetFor(p.step), false
}

// StepIndex is the index of the step practised.
func (p *Practice) StepIndex() int { return p.opts.StepIndex }

// Step is the step practised and Target its rhythm.
func (p *Practice) Step() routines.Step     { return p.step }
func (p *Practice) Target() practice.Target { return p.target }

// Finished reports whether the user ended the run (rather than quitting).
func (p *Practice) Finished() bool { return p.finished }

type beatMsg struct{ gen int }

// metronome schedules the next beat, one tempo from now; at once for the
// first beat, so that the rhythm starts with the run, not a pass later.
func (p *Practice) metronome(first bool) tea.Cmd {
	if !p.opts.Metronome || p.choosing || p.target.Tempo <= 0 || p.target.TooFastToTap || p.finished {
		return nil
	}
	gen := p.beatGen
	if first {
		return func() tea.Msg { return beatMsg{gen: gen} }
	}
	return tea.Tick(p.target.Tempo, func(time.Time) tea.Msg { return beatMsg{gen: gen} })
}

// Init starts the metronome when asked for.
func (p *Practice) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, p.metronome(true))
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
		return p, tea.Batch(bell, p.metronome(false))
	case signalMsg:
		p.ExitCode = msg.status
		return p, tea.Quit
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			p.ExitCode = 130
			return p, tea.Quit
		}
		if p.showHelp {
			p.showHelp = false // any key closes the key list
			return p, nil
		}
		if msg.String() == "?" {
			p.showHelp = true
			return p, nil
		}
		if p.choosing {
			return p, p.updateChoosing(msg)
		}
		switch msg.String() {
		case "space":
			if !p.finished {
				p.taps = append(p.taps, p.opts.Clock.Now())
			}
		case "r":
			p.taps, p.finished, p.beat = nil, false, 0
			p.beatGen++
			return p, p.metronome(true)
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

// updateChoosing moves through the step list and picks a step.
func (p *Practice) updateChoosing(k tea.KeyPressMsg) tea.Cmd {
	n := len(p.opts.Routine.Steps)
	switch k.String() {
	case "up", "k":
		p.cursor = (p.cursor + n - 1) % n
	case "down", "j":
		p.cursor = (p.cursor + 1) % n
	case "enter", "space":
		p.choose(p.cursor)
		return p.metronome(true)
	case "q", "esc":
		return tea.Quit
	default:
		if d := k.String(); len(d) == 1 && d[0] >= '1' && d[0] <= '9' && int(d[0]-'1') < n {
			p.choose(int(d[0] - '1'))
			return p.metronome(true)
		}
	}
	return nil
}

// keys are the keys of the trainer's screen now, for ?.
func (p *Practice) keys() [][2]string {
	switch {
	case p.choosing:
		return [][2]string{{"↑ ↓", "choose a step"}, {"enter space", "practise it"}, {"1-9", "pick a step by its number"}, {"q esc", "close"}}
	case p.finished:
		return [][2]string{{"r", "practise the step again"}, {"q enter esc", "close"}}
	}
	return [][2]string{{"space", "tap at each pass"}, {"r", "start again"}, {"q enter esc", "end the run and see the verdict"}, {"ctrl+c", "quit at once"}}
}

// renderChoosing lists the routine's steps with their tempo, to pick one.
func (p *Practice) renderChoosing(w int) string {
	var b strings.Builder
	b.WriteString(p.st.warn.Render("Practice — nothing is massaged on a person") + "\n\n")
	b.WriteString(p.st.title.Render("Which step of "+p.opts.Routine.Title+"?") + "\n\n")
	for i, s := range p.opts.Routine.Steps {
		pace := "no tempo: an even rhythm"
		if t := practice.TargetFor(s); t.TooFastToTap {
			pace = "too fast to tap"
		} else if t.Min != t.Max {
			pace = fmt.Sprintf("one pass every %s to %s", secs(t.Min), secs(t.Max))
		} else if t.Tempo > 0 {
			pace = "one pass every " + secs(t.Tempo)
		}
		line := truncate(fmt.Sprintf("%d  %s · %s", i+1, s.Title, pace), max(w-4, 10))
		if i == p.cursor {
			b.WriteString(p.st.selected.Render("> "+line) + "\n")
		} else {
			b.WriteString("  " + line + "\n")
		}
	}
	b.WriteString("\n" + p.st.help.Render("↑/↓ choose · enter practise it · 1-9 pick by number · q close · ? keys"))
	return b.String()
}

func (p *Practice) render(w int) string {
	if p.showHelp {
		h := p.height
		if h <= 0 {
			h = 24
		}
		return keyList(p.st, p.keys(), w, h, min(w-2, 76))
	}
	if p.choosing {
		return p.renderChoosing(w)
	}
	st := practice.Measure(p.taps)
	var b strings.Builder
	b.WriteString(p.st.warn.Render("Practice — nothing is massaged on a person") + "\n\n")
	b.WriteString(p.st.title.Render(p.step.Title) + p.st.subtle.Render(fmt.Sprintf(" · step %d of %d, %s", p.opts.StepIndex+1, len(p.opts.Routine.Steps), p.opts.Routine.Title)) + "\n")
	b.WriteString(wrap(p.targetLine(), max(w-2, 10)) + "\n\n")
	if p.finished {
		b.WriteString(p.st.title.Render("Result") + "\n")
		b.WriteString(fmt.Sprintf("Passes: %d · average %s per pass · spread %s\n", st.Passes, secs(st.Mean), secs(st.Spread)))
		b.WriteString(p.st.accent.Render(practice.Verdict(st, p.target)) + "\n\n")
		b.WriteString(p.chart(st, w) + "\n")
		b.WriteString(p.st.help.Render("r practise again · q close · ? keys"))
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
	last, pace := "–", ""
	if n := len(st.Intervals); n > 0 {
		last = secs(st.Intervals[n-1])
		if word := practice.Pace(st.Intervals[n-1], p.target); word != "" {
			pace = " " + p.paceStyle(word).Render(paceMark(word)+" "+word)
		}
	}
	b.WriteString(fmt.Sprintf("Last pass %s%s · average %s · spread of the last %d: %s\n\n", last, pace, dash(st.Mean), practice.Window, dash(st.Spread)))
	b.WriteString(p.chart(st, w) + "\n")
	b.WriteString(p.st.help.Render("space at each pass · q finish · r start over · ? keys"))
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
				bar := "█"
				if word := practice.Pace(d, p.target); word != "" {
					bar = p.paceStyle(word).Render(bar)
				}
				b.WriteString(bar)
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

// dash is secs, or – while there is nothing to measure yet.
func dash(d time.Duration) string {
	if d <= 0 {
		return "–"
	}
	return secs(d)
}

// paceMark shows a pass's pace without colour: faster passes point left
// (shorter), slower ones right.
func paceMark(word string) string {
	switch word {
	case practice.TooFast, practice.LittleFast:
		return "«"
	case practice.TooSlow, practice.LittleSlow:
		return "»"
	}
	return "✓"
}

// paceStyle colours a pace: on tempo as good, off it as a warning.
func (p *Practice) paceStyle(word string) lipgloss.Style {
	if word == practice.OnTempo {
		return p.st.ok
	}
	return p.st.warn
}

// RunPractice runs the trainer on the terminal behind in and out.
func RunPractice(opts PracticeOptions, in io.Reader, out io.Writer) (*Practice, error) {
	p := NewPractice(opts)
	final, signalled, err := runProgram(p, in, out)
	if signalled != 0 {
		p.ExitCode = signalled
		return p, nil
	}
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		return nil, err
	}
	if fp, ok := final.(*Practice); ok {
		return fp, nil
	}
	return p, nil
}
