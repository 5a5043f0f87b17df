--liquibase formatted sql

--changeset atelier:0007-staff-invitations
-- A person invited to the staff is INVITED until they accept (ACTIVE) or decline (DECLINED), the chain withdraws the
-- invitation (WITHDRAWN) or it expires (invitation_expires_at passes).
alter table staff_membership drop constraint staff_membership_status_check;
alter table staff_membership add constraint staff_membership_status_check
    check (status in ('INVITED', 'ACTIVE', 'DISABLED', 'DECLINED', 'WITHDRAWN'));
alter table staff_membership add column invitation_expires_at timestamptz;
alter table staff_membership add constraint staff_membership_invited_until
    check (status <> 'INVITED' or invitation_expires_at is not null);
