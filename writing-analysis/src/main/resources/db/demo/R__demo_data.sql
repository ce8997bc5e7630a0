-- Demo data of the embedded profile: institution inst-demo with the active course course-demo-101,
-- taught by educator-demo, with six enrolled students who granted ai_analysis and
-- progress_tracking, plus an administrator and a researcher. Every insert is skipped when its row
-- exists, so the script can run again after a change.

INSERT INTO institution (id, name, time_zone, consent_age)
SELECT 'inst-demo', 'Demo Institution', 'UTC', 13
WHERE NOT EXISTS (SELECT 1 FROM institution WHERE id = 'inst-demo');

INSERT INTO directory_user (id, institution_id, role)
SELECT v.id, 'inst-demo', v.role
FROM (VALUES ('student-demo', 'STUDENT'),
             ('student-demo-2', 'STUDENT'),
             ('student-demo-3', 'STUDENT'),
             ('student-demo-4', 'STUDENT'),
             ('student-demo-5', 'STUDENT'),
             ('student-demo-6', 'STUDENT'),
             ('educator-demo', 'EDUCATOR'),
             ('admin-demo', 'ADMINISTRATOR'),
             ('researcher-demo', 'RESEARCHER')) AS v (id, role)
WHERE NOT EXISTS (SELECT 1 FROM directory_user u WHERE u.id = v.id);

INSERT INTO course (id, institution_id, title, status, end_date)
SELECT 'course-demo-101', 'inst-demo', 'Demo Writing 101', 'active', NULL
WHERE NOT EXISTS (SELECT 1 FROM course WHERE id = 'course-demo-101');

INSERT INTO course_instructor (course_id, educator_id)
SELECT 'course-demo-101', 'educator-demo'
WHERE NOT EXISTS (
    SELECT 1 FROM course_instructor
    WHERE course_id = 'course-demo-101' AND educator_id = 'educator-demo');

INSERT INTO enrolment (course_id, student_id, status, enrolled_at)
SELECT 'course-demo-101', u.id, 'active', TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00:00'
FROM directory_user u
WHERE u.role = 'STUDENT'
  AND u.institution_id = 'inst-demo'
  AND u.id LIKE 'student-demo%'
  AND NOT EXISTS (
      SELECT 1 FROM enrolment e WHERE e.course_id = 'course-demo-101' AND e.student_id = u.id);

INSERT INTO consent_decision (id, subject_id, purpose, granted, withdrawn, source, decided_at, expires_at)
SELECT 'demo-' || u.id || '-' || p.purpose, u.id, p.purpose, TRUE, FALSE, 'student',
       TIMESTAMP WITH TIME ZONE '2026-01-05 00:00:00+00:00', NULL
FROM directory_user u
CROSS JOIN (VALUES ('ai_analysis'), ('progress_tracking')) AS p (purpose)
WHERE u.role = 'STUDENT'
  AND u.institution_id = 'inst-demo'
  AND u.id LIKE 'student-demo%'
  AND NOT EXISTS (
      SELECT 1 FROM consent_decision c WHERE c.id = 'demo-' || u.id || '-' || p.purpose);
