package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Helpers.

func (m *Model) textWidth() int {
	w, _ := m.size()
	return max(min(w-2, 100), 10)
}

// wrap breaks text to width.
func wrap(s string, width int) string {
	return lipgloss.NewStyle().Width(width).Render(s)
}

// truncate cuts a line to width cells.
func truncate(s string, width int) string {
	return lipgloss.NewStyle().MaxWidth(width).Render(s)
}

// indent puts prefix before every line of s.
func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
