"""Knowledge documents: turning uploaded files into text sections (`extract`) and retrieval-sized
chunks (`chunk`). Pure Python, no I/O beyond the bytes handed in."""
