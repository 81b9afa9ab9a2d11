package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// view draws the page at w×h. The options are laid out first and always
// fit; the question gets the lines left, then the title, the disclaimer and
// the key help, in that order, as room allows.
func (f *screeningForm) view(st styles, w, h int) string {
	cw := max(min(w-2, 76), 10)
	title, prompt := f.heading()
	var opts []string
	if f.number() {
		opts = []string{"Days: " + st.selected.Render(f.typed+"█")}
	} else {
		for i, o := range f.options() {
			label := fmt.Sprintf("%s  %s", o.Key, o.Label)
			lines := strings.Split(wrap(label, cw-2), "\n")
			for j, l := range lines {
				lead := "  "
				if j == 0 && i == f.cursor {
					lead = "> "
				}
				line := lead + strings.TrimRight(l, " ")
				if i == f.cursor {
					line = st.selected.Render(line)
				}
				opts = append(opts, line)
			}
		}
	}
	question := strings.Split(wrap(prompt, cw), "\n")
	var problem []string
	if f.problem != "" {
		problem = strings.Split(st.warn.Render(wrap(f.problem, cw)), "\n")
	}
	help := strings.Split(st.help.Render(wrap(f.keyLine(), cw)), "\n")
	if full := strings.Split(st.help.Render(wrap(f.fullHelp(), cw)), "\n"); f.help && len(full)+len(opts)+len(problem)+2 <= h {
		help = full
	}
	var disclaimer []string
	if f.disclaimer && f.answered == 0 {
		disclaimer = strings.Split(st.subtle.Render(wrap(Disclaimer, cw)), "\n")
	}

	// Options and the problem always show; then the question, the key
	// help, the title and the disclaimer as room allows, and blank lines
	// last.
	room := h - len(opts) - len(problem)
	if len(question) > room {
		if room < 1 {
			question = nil
		} else {
			question = append(question[:room-1], ansi.Truncate(question[room-1], cw-1, "")+"…")
		}
	}
	room -= len(question)
	fits := func(lines []string) []string {
		if len(lines) > room {
			return nil
		}
		room -= len(lines)
		return lines
	}
	head := fits([]string{st.title.Render(title)})
	help = fits(help)
	disclaimer = fits(disclaimer)
	gap := func(before []string) []string {
		if len(before) > 0 && room > 0 {
			room--
			return []string{""}
		}
		return nil
	}
	out := append(head, gap(head)...)
	out = append(out, disclaimer...)
	out = append(out, gap(disclaimer)...)
	out = append(out, question...)
	out = append(out, gap(question)...)
	out = append(out, opts...)
	out = append(out, problem...)
	out = append(out, gap(help)...)
	out = append(out, help...)
	return centre(out, cw, w, h)
}

// centre places a block of lines of width cw in the middle of a wide
// window, and a little above the middle of a tall one.
func centre(lines []string, cw, w, h int) string {
	left := max((w-cw)/2, 0)
	if left > 0 {
		pad := strings.Repeat(" ", left)
		for i, l := range lines {
			if l != "" {
				lines[i] = pad + l
			}
		}
	}
	if top := (h - len(lines)) / 3; top > 0 {
		lines = append(make([]string, top), lines...)
	}
	return strings.Join(lines, "\n")
}

// heading is the page's title and its question.
func (f *screeningForm) heading() (string, string) {
	switch {
	case f.walk == nil:
		return "Screening", "Who is being massaged?"
	case f.walk.Confirming():
		return "Screening", "Has anything changed? " + f.walk.KeptPrompt()
	}
	x := f.walk.Current()
	if x == nil {
		return "Screening", ""
	}
	n, total := f.walk.Position()
	return fmt.Sprintf("Screening · question %d of %d", n, total), f.walk.Text(x)
}

// keyLine is the one-line key help of the page.
func (f *screeningForm) keyLine() string {
	if f.number() {
		return "0-9 days · enter next · shift+tab back · ? keys · q quit"
	}
	return keysText(f.options()) + " · ↑/↓ enter · shift+tab back · ? keys · q quit"
}

// fullHelp lists every key of the page, for ?, in two columns.
func (f *screeningForm) fullHelp() string {
	var keys [][2]string
	if f.number() {
		keys = append(keys, [2]string{"0-9", "type the number of days"}, [2]string{"backspace", "delete a digit"}, [2]string{"enter", "next question"})
	} else {
		for _, o := range f.options() {
			keys = append(keys, [2]string{o.Key, fmt.Sprintf("answer %q", o.Label)})
		}
		keys = append(keys, [2]string{"↑ ↓", "move the cursor"}, [2]string{"enter", "answer with the option under the cursor"})
	}
	keys = append(keys, [2]string{"shift+tab b esc", "back to the page before"}, [2]string{"?", "close this list"},
		[2]string{"q", "quit without a screening"}, [2]string{"ctrl+c", "quit at once"})
	width := 0
	for _, k := range keys {
		width = max(width, ansi.StringWidth(k[0]))
	}
	lines := []string{"Keys on this page:"}
	for _, k := range keys {
		lines = append(lines, k[0]+strings.Repeat(" ", width-ansi.StringWidth(k[0])+2)+k[1])
	}
	return strings.Join(lines, "\n")
}
