--liquibase formatted sql

--changeset atelier:0006-storefront-theme
-- How the chain's storefront looks; one row once the chain sets it (until then its starter theme applies).
create table storefront_theme (
    id                smallint     primary key default 1 check (id = 1),
    brand_name        varchar(120) not null,
    logo_url          varchar(500),
    primary_colour    char(7)      not null check (primary_colour ~ '^#[0-9a-f]{6}$'),
    accent_colour     char(7)      not null check (accent_colour ~ '^#[0-9a-f]{6}$'),
    font              varchar(16)  not null,
    corner_radius     smallint     not null check (corner_radius between 0 and 24),
    hero_image_url    varchar(500),
    tagline           varchar(200),
    layout            varchar(16)  not null,
    show_services     boolean      not null,
    show_stylists     boolean      not null,
    show_locations    boolean      not null,
    custom_css        varchar(10000) not null default '',
    version           integer      not null default 0,
    updated_at        timestamptz  not null
);

--changeset atelier:0006-category-calendar-trigger
-- Category names show on the storefront with the menu: their changes move the calendar version like the menu's.
create trigger service_category_calendar after insert or update or delete or truncate on service_category
    for each statement execute function bump_calendar_version();
