"""The one entity layer: candidates (KB, grammars, model, event-slot proposals) -> one overlap
resolver -> one typer -> one linker. Stages call it; nothing else decides what an entity is."""
