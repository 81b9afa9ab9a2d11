package inputs

import "fmt"

// Shape bounds the structure of a YAML file, checked before it is parsed:
// a parser given "[[[[..." or "- - - ..." 100 000 deep, or an alias bomb,
// can take gigabytes and minutes before it fails.
type Shape struct {
	Depth  int // nesting: flow brackets, and "- " entries started on one line
	Nodes  int // entries, keys and flow items
	Indent int // columns of indentation
}

// ShapeError says how a file breaks its Shape, and on which line.
type ShapeError struct {
	Line int
	Msg  string
}

func (e *ShapeError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Check scans data once, in time linear in its length, and refuses
// anchors and aliases (these files have no use for them, and an alias
// can make a few bytes expand to gigabytes), and structure deeper or
// larger than s. It follows YAML closely enough for that and no further:
// a file it passes still goes to the parser, which reports what else is
// wrong.
func (s Shape) Check(data []byte) error {
	c := checker{shape: s, data: data, line: 1, blockIndent: -1}
	return c.run()
}

type checker struct {
	shape Shape
	data  []byte
	i     int
	line  int
	flow  int // open flow brackets
	nodes int
	// blockIndent is the indentation of the line that opened a literal
	// or folded block scalar (| or >), whose more indented lines are text;
	// -1 outside one.
	blockIndent int
}

func (c *checker) fail(format string, args ...any) error {
	return &ShapeError{Line: c.line, Msg: fmt.Sprintf(format, args...)}
}

func (c *checker) run() error {
	for c.i < len(c.data) {
		if err := c.lineStart(); err != nil {
			return err
		}
	}
	return nil
}

// lineStart reads one line from its indentation.
func (c *checker) lineStart() error {
	indent := 0
	for c.i < len(c.data) && c.data[c.i] == ' ' {
		c.i++
		indent++
	}
	if c.blockIndent >= 0 {
		if c.i >= len(c.data) || c.data[c.i] == '\n' || c.data[c.i] == '\r' || indent > c.blockIndent {
			c.skipLine()
			return nil
		}
		c.blockIndent = -1
	}
	if indent > c.shape.Indent {
		return c.fail("indented %d columns; at most %d are allowed", indent, c.shape.Indent)
	}
	return c.node(indent, 0)
}

// node reads from the start of a node to the end of the line (or of a
// quoted scalar, which may span lines). entries counts the "- " that
// opened nodes on this line.
func (c *checker) node(indent, entries int) error {
	for {
		c.skipSpaces()
		if c.i >= len(c.data) {
			return nil
		}
		switch b := c.data[c.i]; b {
		case '\n':
			c.newline()
			return nil
		case '#':
			c.skipLine()
			return nil
		case '&', '*':
			what := "an anchor (&)"
			if b == '*' {
				what = "an alias (*)"
			}
			return c.fail("%s; knead's files do not use anchors or aliases: write the value out", what)
		case '-', '?':
			if c.i+1 < len(c.data) && (c.data[c.i+1] == ' ' || c.data[c.i+1] == '\n') && c.flow == 0 {
				c.i++
				entries++
				if err := c.count(); err != nil {
					return err
				}
				if entries > c.shape.Depth {
					return c.fail("more than %d entries nested on one line", c.shape.Depth)
				}
				continue
			}
		case '[', '{':
			c.i++
			c.flow++
			if c.flow > c.shape.Depth {
				return c.fail("brackets nested more than %d deep", c.shape.Depth)
			}
			if err := c.count(); err != nil {
				return err
			}
			continue
		case '|', '>':
			c.blockIndent = indent
			c.skipLine()
			return nil
		case '"', '\'':
			if err := c.quoted(b); err != nil {
				return err
			}
		}
		if err := c.scalar(); err != nil {
			return err
		}
		if c.i >= len(c.data) {
			return nil
		}
	}
}

// scalar reads a plain scalar up to where a new node may start: after
// ": ", or a flow indicator; text such as "Press *firmly*" stays text.
func (c *checker) scalar() error {
	for c.i < len(c.data) {
		b := c.data[c.i]
		switch {
		case b == '\n':
			return nil
		case b == '#' && c.i > 0 && (c.data[c.i-1] == ' ' || c.data[c.i-1] == '\t'):
			return nil
		case b == ':' && (c.i+1 == len(c.data) || c.data[c.i+1] == ' ' || c.data[c.i+1] == '\n'):
			c.i++
			return c.count()
		case c.flow > 0 && (b == ',' || b == '[' || b == '{'):
			if b == ',' {
				c.i++
				return c.count()
			}
			return nil
		case c.flow > 0 && (b == ']' || b == '}'):
			c.i++
			c.flow--
			continue
		}
		c.i++
	}
	return nil
}

// quoted skips a quoted scalar, which may span lines.
func (c *checker) quoted(q byte) error {
	c.i++
	for c.i < len(c.data) {
		b := c.data[c.i]
		switch {
		case b == '\n':
			c.line++
		case q == '"' && b == '\\':
			c.i++
		case b == q:
			if q == '\'' && c.i+1 < len(c.data) && c.data[c.i+1] == '\'' {
				c.i++
				break
			}
			c.i++
			return nil
		}
		c.i++
	}
	return nil
}

func (c *checker) count() error {
	c.nodes++
	if c.nodes > c.shape.Nodes {
		return c.fail("more than %d entries in the file", c.shape.Nodes)
	}
	return nil
}

func (c *checker) skipSpaces() {
	for c.i < len(c.data) && (c.data[c.i] == ' ' || c.data[c.i] == '\t' || c.data[c.i] == '\r') {
		c.i++
	}
}

func (c *checker) skipLine() {
	for c.i < len(c.data) && c.data[c.i] != '\n' {
		c.i++
	}
	if c.i < len(c.data) {
		c.newline()
	}
}

func (c *checker) newline() {
	c.i++
	c.line++
}
