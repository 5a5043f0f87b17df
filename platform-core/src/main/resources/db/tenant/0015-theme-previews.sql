--liquibase formatted sql

--changeset atelier:0015-theme-previews
-- A theme being edited, shown on the chain's own pages at ?preview=<id> for an hour; its id is its content's digest,
-- so the same draft sent twice is one preview.
create table theme_preview (
    id         uuid        primary key,
    theme      jsonb       not null,
    created_at timestamptz not null,
    expires_at timestamptz not null
);
create index theme_preview_expiry on theme_preview (expires_at);
